package io.careline.retention.api;

import io.careline.retention.model.RetentionPolicy;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's retention policy for one scope. */
@RegisterForReflection
public record RetentionPolicyView(
        @Schema(description = "A session type (its messages) or notifications") String scope, int keepDays,
        String updatedBy, Instant updatedAt) {

    public static RetentionPolicyView of(RetentionPolicy policy) {
        return new RetentionPolicyView(policy.scope, policy.keepDays, policy.updatedBy, policy.updatedAt);
    }
}
