package io.careline.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.careline.common.problem.DomainException;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.conversation.SessionAccess.Need;
import io.careline.conversation.model.Participant;
import io.careline.conversation.model.Session;
import io.careline.conversation.model.SessionRow;
import io.careline.conversation.model.SessionStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may do what with a session, as one table: caller, membership, session state, need → outcome. */
class SessionAccessRulesTest {

    @ParameterizedTest(name = "{0} {1} in an {2} session, {3} → {4}")
    @CsvSource({
            // caller,  membership, session, need,   outcome
            "patient,   none,       active,  READ,   SESSION_NOT_FOUND",
            "doctor,    none,       active,  WRITE,  SESSION_NOT_FOUND",
            "service,   none,       active,  READ,   ok",
            "admin,     none,       closed,  MANAGE, ok",
            "service,   none,       closed,  SEND,   SESSION_CLOSED",
            "patient,   active,     active,  READ,   ok",
            "patient,   active,     active,  WRITE,  ok",
            "patient,   active,     active,  SEND,   ok",
            "patient,   active,     active,  MANAGE, FORBIDDEN",
            "patient,   active,     closed,  SEND,   SESSION_CLOSED",
            "patient,   active,     closed,  WRITE,  ok",
            "doctor,    active,     active,  MANAGE, ok",
            "nurse,     active,     closed,  SEND,   SESSION_CLOSED",
            "patient,   left,       active,  READ,   ok",
            "patient,   left,       active,  WRITE,  PARTICIPANT_LEFT",
            "patient,   left,       active,  SEND,   PARTICIPANT_LEFT",
            "doctor,    left,       active,  MANAGE, PARTICIPANT_LEFT",
            "patient,   left,       active,  MANAGE, PARTICIPANT_LEFT",
            "service,   left,       active,  SEND,   ok",
            "admin,     left,       closed,  SEND,   SESSION_CLOSED",
    })
    void rules(String role, String membership, String state, Need need, String outcome) {
        Caller caller = new Caller("t", "u", Set.of(Role.fromWire(role)), null);
        Session session = new Session();
        session.status = state.equals("closed") ? SessionStatus.CLOSED : SessionStatus.ACTIVE;
        session.lastSeq = 9;
        Participant member = switch (membership) {
            case "none" -> null;
            default -> {
                Participant p = new Participant();
                p.userId = "u";
                p.leftAt = membership.equals("left") ? Instant.EPOCH : null;
                p.leftSeq = membership.equals("left") ? 4L : null;
                yield p;
            }
        };
        Optional<SessionRow> row = Optional.of(new SessionRow(session, member));
        if (outcome.equals("ok")) {
            assertThat(SessionAccess.admit(caller, row, need).session()).isSameAs(session);
        } else {
            DomainException refusal = catchThrowableOfType(DomainException.class,
                    () -> SessionAccess.admit(caller, row, need));
            assertThat(refusal).as("refused").isNotNull();
            assertThat(refusal.code().name()).isEqualTo(outcome);
        }
    }

    @ParameterizedTest(name = "{0} who left reads up to {1}")
    @CsvSource({ "patient, 4", "service, 9" })
    void whoLeftReadsUpToTheirLeavingUnlessTheyManage(String role, long visibleUpTo) {
        Session session = new Session();
        session.status = SessionStatus.ACTIVE;
        session.lastSeq = 9;
        Participant left = new Participant();
        left.leftAt = Instant.EPOCH;
        left.leftSeq = 4L;
        Access access = SessionAccess.admit(new Caller("t", "u", Set.of(Role.fromWire(role)), null),
                Optional.of(new SessionRow(session, left)), Need.READ);
        assertThat(access.visibleUpTo()).isEqualTo(visibleUpTo);
    }

    @ParameterizedTest(name = "a {0} finds no session that does not exist")
    @CsvSource({ "patient", "admin" })
    void noSuchSession(String role) {
        assertThat(catchThrowableOfType(DomainException.class, () -> SessionAccess.admit(
                new Caller("t", "u", Set.of(Role.fromWire(role)), null), Optional.empty(), Need.READ)).code().name())
                .isEqualTo("SESSION_NOT_FOUND");
    }
}
