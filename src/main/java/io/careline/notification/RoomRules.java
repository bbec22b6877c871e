package io.careline.notification;

import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.common.wire.Text;
import java.util.Optional;
import java.util.Set;

/**
 * The room grammar and who may subscribe to each kind of room, deny by default (docs/notifications.md):
 * {@code tenant} everyone; {@code role:{role}} members of that role; {@code department:{name}} staff whose
 * profile is in that department; {@code patient:{userId}} that patient, and staff who share an active
 * session with them. Anything else is no room.
 */
public final class RoomRules {
    static final int MAX_LENGTH = 200;

    private static final Set<String> KINDS = Set.of("role", "department", "patient");
    private static final String GRAMMAR = "Rooms are tenant, role:{role}, department:{name} or patient:{userId}.";

    private RoomRules() {
    }

    /** What the rules need to know about people. */
    interface Facts {
        Optional<String> departmentOf(String userId);

        boolean shareASession(String userId, String otherUserId);
    }

    /** Why a room was refused: its error code and a sentence. */
    public record Refusal(ErrorCode code, String message) {
    }

    /** Why the text is no room name, or null when it is one. */
    public static Refusal grammarProblem(String room) {
        String problem = Text.identifierProblem(room, MAX_LENGTH);
        if (problem != null) {
            return invalid("A room name " + problem + ".");
        }
        if (room.equals("tenant")) {
            return null;
        }
        int colon = room.indexOf(':');
        String kind = colon < 0 ? room : room.substring(0, colon);
        String name = colon < 0 ? "" : room.substring(colon + 1);
        if (name.isEmpty() || !KINDS.contains(kind)) {
            return invalid(GRAMMAR);
        }
        return kind.equals("role") && Role.parse(name).isEmpty() ? invalid("No role " + name + ".") : null;
    }

    /** Why the caller may not subscribe to the room, or null when they may. */
    static Refusal refusal(Caller caller, String room, Facts facts) {
        Refusal invalid = grammarProblem(room);
        if (invalid != null || room.equals("tenant")) {
            return invalid;
        }
        String kind = room.substring(0, room.indexOf(':'));
        String name = room.substring(room.indexOf(':') + 1);
        return switch (kind) {
            case "role" -> {
                Role role = Role.fromWire(name);
                yield caller.roles().contains(role) || caller.primaryRole() == role ? null
                        : forbidden("Only members of role " + name + " may subscribe to it.");
            }
            case "department" -> caller.isStaff() && facts.departmentOf(caller.userId()).filter(name::equals)
                    .isPresent() ? null : forbidden("Only staff of department " + name + " may subscribe to it.");
            default -> caller.userId().equals(name) || caller.isStaff() && facts.shareASession(caller.userId(), name)
                    ? null : forbidden("Only the patient and staff who share a session with them may subscribe.");
        };
    }

    private static Refusal invalid(String message) {
        return new Refusal(ErrorCode.ROOM_INVALID, message);
    }

    private static Refusal forbidden(String message) {
        return new Refusal(ErrorCode.ROOM_FORBIDDEN, message);
    }
}
