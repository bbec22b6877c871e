package io.careline.notification.send;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem.FieldError;
import io.careline.common.security.Caller;
import io.careline.common.wire.Text;
import io.careline.notification.NotificationTypes;
import io.careline.notification.EscalationPolicies;
import io.careline.notification.NotificationsConfig;
import io.careline.notification.RoomRules;
import io.careline.notification.SendableType;
import io.careline.notification.api.SendNotificationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * What a send is checked for on its caller's thread, before it is queued: its fields, its type (from the
 * cached catalogue) and its groups of recipients. What it refuses never reaches a group.
 */
@ApplicationScoped
public class SendChecks {
    @Inject
    NotificationTypes types;

    @Inject
    RecipientResolver resolver;

    @Inject
    NotificationsConfig config;

    @Inject
    Clock clock;

    @Inject
    EscalationPolicies policies;

    /** The send, checked and ready to queue; throws its refusal. */
    public PendingNotification check(Caller caller, SendNotificationRequest request) {
        requireTargets(request);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String metadata = metadata(request);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw invalid("expiresAt", "must be in the future");
        }
        SendableType type = types.sendable(caller, request.type());
        if (request.escalationPolicyId() != null && !policies.exists(request.escalationPolicyId())) {
            throw new DomainException(ErrorCode.ESCALATION_POLICY_NOT_FOUND, "No such escalation policy.",
                    List.of(new FieldError("escalationPolicyId", "no such escalation policy")));
        }
        boolean grouped = request.roles() != null && !request.roles().isEmpty() || request.department() != null
                || request.sessionId() != null || request.room() != null || request.oncall() != null;
        return new PendingNotification(caller, request, type, metadata, now,
                grouped ? resolver.groupMembers(caller, request, type, now) : Map.of());
    }

    private void requireTargets(SendNotificationRequest request) {
        boolean none = (request.recipients() == null || request.recipients().isEmpty())
                && (request.roles() == null || request.roles().isEmpty()) && request.department() == null
                && request.sessionId() == null && request.room() == null && request.oncall() == null;
        if (none) {
            throw invalid("recipients", "name recipients, roles, a department, a sessionId, a room or an oncall roster");
        }
        if (request.recipients() != null && request.recipients().size() > config.maxRecipients()) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "The send names " + request.recipients().size()
                    + " users; at most " + config.maxRecipients() + " are allowed.", List.of(new FieldError(
                            "recipients", "must name at most " + config.maxRecipients() + " users")));
        }
        if (request.room() != null) {
            RoomRules.Refusal problem = RoomRules.grammarProblem(request.room());
            if (problem != null) {
                throw new DomainException(problem.code(), problem.message(),
                        List.of(new FieldError("room", problem.message())));
            }
        }
    }

    private String metadata(SendNotificationRequest request) {
        if (request.metadata() == null) {
            return null;
        }
        String invalidAt = Text.invalidUnicodeAt(request.metadata(), "metadata");
        if (invalidAt != null) {
            throw invalid(invalidAt, "must be valid Unicode");
        }
        String json = request.metadata().toString();
        if (json.getBytes(StandardCharsets.UTF_8).length > config.maxMetadataBytes()) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "metadata is larger than "
                    + config.maxMetadataBytes() + " bytes.", List.of(new FieldError("metadata",
                            "must be at most " + config.maxMetadataBytes() + " bytes as JSON")));
        }
        return json;
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, "The notification is invalid: " + field + " "
                + message + ".", List.of(new FieldError(field, message)));
    }
}
