package io.careline.retention;

import io.careline.common.Times;
import io.careline.common.security.Caller;
import io.careline.retention.api.RetentionLogView;
import io.careline.retention.api.RetentionPolicyView;
import io.careline.retention.model.RetentionLogEntry;
import io.careline.retention.model.RetentionPolicy;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** A tenant's retention policies (admins): no policy for a scope means its content is kept forever. */
@ApplicationScoped
public class RetentionService {
    private static final int LOG_PAGE = 100;

    @Transactional
    public List<RetentionPolicyView> policies() {
        return RetentionPolicy.<RetentionPolicy>listAll(Sort.by("scope")).stream().map(RetentionPolicyView::of)
                .toList();
    }

    /** Sets the policy; {@code created} says whether the scope had none. */
    @Transactional
    public Saved put(Caller admin, String scopeName, int keepDays) {
        String scope = RetentionScope.parse(scopeName).wire();
        Optional<RetentionPolicy> existing = RetentionPolicy.ofScope(scope);
        RetentionPolicy policy = existing.orElseGet(RetentionPolicy::new);
        policy.scope = scope;
        policy.keepDays = keepDays;
        policy.updatedBy = admin.userId();
        policy.updatedAt = Times.now();
        if (existing.isEmpty()) {
            policy.persist();
        }
        return new Saved(RetentionPolicyView.of(policy), existing.isEmpty());
    }

    /** Removes the policy (content of the scope is kept from now on); false when there was none. */
    @Transactional
    public boolean delete(String scopeName) {
        return RetentionPolicy.delete("scope", RetentionScope.parse(scopeName).wire()) > 0;
    }

    /** The latest purges of the tenant, newest first. */
    @Transactional
    public List<RetentionLogView> log() {
        return RetentionLogEntry.<RetentionLogEntry>findAll(Sort.descending("pk")).page(0, LOG_PAGE).list().stream()
                .map(RetentionLogView::of).toList();
    }

    /** A policy as stored, and whether it is new. */
    public record Saved(RetentionPolicyView policy, boolean created) {
    }
}
