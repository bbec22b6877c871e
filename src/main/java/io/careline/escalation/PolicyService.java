package io.careline.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.Times;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem.FieldError;
import io.careline.common.security.Caller;
import io.careline.escalation.api.EscalationAction;
import io.careline.escalation.api.EscalationPolicyRequest;
import io.careline.escalation.api.EscalationPolicyView;
import io.careline.escalation.api.EscalationStep;
import io.careline.escalation.model.EscalationPolicy;
import io.careline.notification.EscalationPolicies;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A tenant's escalation policies (admins): validated ladders, attached to a type and priority or named by sends. */
@ApplicationScoped
public class PolicyService implements EscalationPolicies {
    private static final TypeReference<List<EscalationStep>> STEPS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper mapper;

    @Transactional
    public Saved put(Caller admin, String policyId, EscalationPolicyRequest request) {
        validate(request.steps());
        Optional<EscalationPolicy> existing = EscalationPolicy.byId(policyId);
        EscalationPolicy policy = existing.orElseGet(EscalationPolicy::new);
        policy.policyId = policyId;
        policy.name = request.name();
        policy.notificationType = request.notificationType();
        policy.priority = request.priority();
        policy.steps = write(request.steps());
        policy.updatedBy = admin.userId();
        policy.updatedAt = Times.now();
        if (existing.isEmpty()) {
            policy.persist();
        }
        return new Saved(view(policy), existing.isEmpty());
    }

    @Transactional
    public EscalationPolicyView get(String policyId) {
        return view(EscalationPolicy.byId(policyId).orElseThrow(PolicyService::notFound));
    }

    @Transactional
    public List<EscalationPolicyView> list() {
        return EscalationPolicy.<EscalationPolicy>listAll(Sort.by("policyId")).stream().map(this::view).toList();
    }

    @Transactional
    public void delete(String policyId) {
        if (EscalationPolicy.delete("policyId", policyId) == 0) {
            throw notFound();
        }
    }

    @Override
    @Transactional
    public boolean exists(String policyId) {
        return EscalationPolicy.byId(policyId).isPresent();
    }

    /** The stored steps of a policy. */
    List<EscalationStep> steps(String json) {
        try {
            return mapper.readValue(json, STEPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored escalation steps unreadable", e);
        }
    }

    /** Steps come later and later, and each action has what it needs and nothing else. */
    private static void validate(List<EscalationStep> steps) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            EscalationStep step = steps.get(i);
            String at = "steps[" + i + "]";
            if (i > 0 && step.afterSeconds() <= steps.get(i - 1).afterSeconds()) {
                errors.add(new FieldError(at + ".afterSeconds", "must be after the previous step's"));
            }
            switch (step.action()) {
                case REPEAT, SMS, EMAIL -> requireNone(step, at, errors);
                case NOTIFY_ROLE -> {
                    if ((step.role() == null) == (step.department() == null) || step.rosterId() != null) {
                        errors.add(new FieldError(at, "notify_role names a role or a department, not both"));
                    }
                }
                case NEXT_ONCALL -> {
                    if (step.rosterId() == null || step.role() != null || step.department() != null) {
                        errors.add(new FieldError(at + ".rosterId", "next_oncall names the roster, and only it"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The escalation steps are invalid.", errors);
        }
    }

    private static void requireNone(EscalationStep step, String at, List<FieldError> errors) {
        if (step.role() != null || step.department() != null || step.rosterId() != null) {
            errors.add(new FieldError(at, step.action().wire() + " takes no role, department or roster"));
        }
    }

    private EscalationPolicyView view(EscalationPolicy policy) {
        return new EscalationPolicyView(policy.policyId, policy.name, policy.notificationType, policy.priority,
                steps(policy.steps), policy.updatedBy, policy.updatedAt);
    }

    private String write(List<EscalationStep> steps) {
        try {
            return mapper.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records are always serialisable", e);
        }
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCode.ESCALATION_POLICY_NOT_FOUND, "No such escalation policy.");
    }

    /** A policy as stored, and whether it is new. */
    public record Saved(EscalationPolicyView policy, boolean created) {
    }
}
