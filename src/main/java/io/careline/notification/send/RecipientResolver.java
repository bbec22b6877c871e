package io.careline.notification.send;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem.FieldError;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.conversation.ParticipantService;
import io.careline.conversation.api.ParticipantView;
import io.careline.notification.NotificationsConfig;
import io.careline.notification.OnCallUsers;
import io.careline.notification.SendRules;
import io.careline.notification.SendableType;
import io.careline.notification.api.SendNotificationRequest;
import io.careline.notification.model.SubscriptionRepository;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expands a send's targets to its recipients, each user once, in user-id order. The groups (roles, a
 * department, a session's participants, a room) are expanded before the send is queued, in the sender's
 * tenant, and narrowed to those who can receive the type, without the sender. The named users are checked
 * with their group of sends, against profiles read once for the group: one who cannot receive the type refuses
 * the whole send.
 */
@ApplicationScoped
class RecipientResolver {
    @Inject
    UserService users;

    @Inject
    ParticipantService participants;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    NotificationsConfig config;

    @Inject
    OnCallUsers onCall;

    /**
     * User id to role of everyone the request's groups reach at {@code now} that the sender may send the type
     * to. A roster with nobody on duty refuses the send: an alert must never reach nobody.
     */
    TreeMap<String, Role> groupMembers(Caller caller, SendNotificationRequest request, SendableType type,
            Instant now) {
        TreeMap<String, Role> group = new TreeMap<>();
        if (request.roles() != null && !request.roles().isEmpty()) {
            EnumSet<Role> roles = EnumSet.copyOf(request.roles());
            roles.retainAll(type.recipients());
            group.putAll(users.withRoles(roles));
        }
        if (request.department() != null) {
            group.putAll(users.inDepartment(request.department()));
        }
        if (request.sessionId() != null) {
            for (ParticipantView member : participants.list(caller, request.sessionId())) {
                group.put(member.userId(), member.role() != null ? member.role() : Role.PATIENT);
            }
        }
        if (request.room() != null) {
            List<String> subscribers = subscriptions.subscribersOf(request.room());
            Map<String, Role> profiles = users.rolesIn(caller.tenant(), subscribers);
            subscribers.forEach(userId -> group.put(userId, profiles.getOrDefault(userId, Role.PATIENT)));
        }
        if (request.oncall() != null) {
            List<String> onDuty = onCall.onDuty(request.oncall(), now).orElseThrow(() -> new DomainException(
                    ErrorCode.ROSTER_NOT_FOUND, "No such roster.", List.of(new FieldError("oncall", "no such roster"))));
            if (onDuty.isEmpty()) {
                throw new DomainException(ErrorCode.ROSTER_EMPTY, "Nobody is on duty on roster " + request.oncall()
                        + " now; nothing was sent.", List.of(new FieldError("oncall", "nobody is on duty")));
            }
            Map<String, Role> profiles = users.rolesIn(caller.tenant(), onDuty);
            onDuty.forEach(userId -> group.put(userId, profiles.getOrDefault(userId, Role.PATIENT)));
        }
        group.remove(caller.userId());
        group.values().removeIf(role -> SendRules.refusal(caller, type, role) != null);
        return group;
    }

    /**
     * The send's recipients in user-id order: its named users, each of whom must have a profile in the tenant
     * ({@code profiles}, user id to role) and be allowed to receive the type, and its group members.
     */
    List<String> recipients(PendingNotification send, Map<String, Role> profiles) {
        TreeMap<String, Role> recipients = new TreeMap<>(send.groupMembers);
        List<String> named = send.request.recipients();
        List<FieldError> refused = new ArrayList<>();
        for (int i = 0; named != null && i < named.size(); i++) {
            Role role = profiles.get(named.get(i));
            String reason = role == null ? "no such user in this tenant" : SendRules.refusal(send.caller, send.type, role);
            if (reason != null) {
                refused.add(new FieldError("recipients[" + i + "]", reason));
            } else {
                recipients.put(named.get(i), role);
            }
        }
        if (!refused.isEmpty()) {
            throw new DomainException(ErrorCode.RECIPIENT_REFUSED, "Some recipients cannot receive this notification;"
                    + " nothing was sent.", refused);
        }
        if (recipients.size() > config.maxRecipients()) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "The send reaches " + recipients.size()
                    + " users; at most " + config.maxRecipients() + " are allowed.");
        }
        if (recipients.isEmpty()) {
            throw new DomainException(ErrorCode.NO_RECIPIENTS,
                    "Nobody the targets name can receive a notification of type " + send.type.code() + ".");
        }
        return List.copyOf(recipients.keySet());
    }
}
