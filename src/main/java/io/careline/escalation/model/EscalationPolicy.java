package io.careline.escalation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import io.careline.notification.api.NotificationPriority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A tenant's escalation ladder; steps are stored as the JSON list the API takes. */
@Entity
@Table(name = "escalation_policies")
public class EscalationPolicy extends TenantScopedEntity {
    @Column(name = "policy_id")
    public String policyId;

    public String name;

    @Column(name = "notification_type")
    public String notificationType;

    @Enumerated(EnumType.STRING)
    public NotificationPriority priority;

    public String steps;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;

    public static Optional<EscalationPolicy> byId(String policyId) {
        return find("policyId", policyId).firstResultOptional();
    }
}
