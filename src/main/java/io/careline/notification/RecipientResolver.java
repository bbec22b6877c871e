package io.careline.notification;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem.FieldError;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.conversation.ParticipantService;
import io.careline.conversation.api.ParticipantView;
import io.careline.notification.api.SendNotificationRequest;
import io.careline.notification.model.NotificationType;
import io.careline.notification.model.SubscriptionRepository;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expands a send's targets (user ids, roles, a department, a session's participants, a room) to its
 * recipients, once, in the sending transaction: each user once, in user-id order. Named users who cannot
 * receive the type refuse the whole send; the groups are narrowed to those who can, without the sender.
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

    /** User id to role of every recipient, sorted by user id. */
    TreeMap<String, Role> resolve(Caller caller, SendNotificationRequest request, NotificationType type) {
        TreeMap<String, Role> recipients = new TreeMap<>();
        named(caller, request.recipients(), type, recipients);
        Map<String, Role> group = new TreeMap<>();
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
        group.remove(caller.userId());
        group.forEach((userId, role) -> {
            if (SendRules.refusal(caller, type, role) == null) {
                recipients.putIfAbsent(userId, role);
            }
        });
        if (recipients.size() > config.maxRecipients()) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "The send reaches " + recipients.size()
                    + " users; at most " + config.maxRecipients() + " are allowed.");
        }
        if (recipients.isEmpty()) {
            throw new DomainException(ErrorCode.NO_RECIPIENTS,
                    "Nobody the targets name can receive a notification of type " + type.code + ".");
        }
        return recipients;
    }

    /** The users named by id: each must have a profile in the tenant and be allowed to receive the type. */
    private void named(Caller caller, List<String> userIds, NotificationType type, Map<String, Role> into) {
        if (userIds == null || userIds.isEmpty()) {
            return;
        }
        Map<String, Role> profiles = users.rolesIn(caller.tenant(), userIds);
        List<FieldError> refused = new ArrayList<>();
        for (int i = 0; i < userIds.size(); i++) {
            Role role = profiles.get(userIds.get(i));
            String reason = role == null ? "no such user in this tenant" : SendRules.refusal(caller, type, role);
            if (reason != null) {
                refused.add(new FieldError("recipients[" + i + "]", reason));
            } else {
                into.put(userIds.get(i), role);
            }
        }
        if (!refused.isEmpty()) {
            throw new DomainException(ErrorCode.RECIPIENT_REFUSED, "Some recipients cannot receive this notification;"
                    + " nothing was sent.", refused);
        }
    }
}
