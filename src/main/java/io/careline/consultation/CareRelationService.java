package io.careline.consultation;

import io.careline.common.Times;
import io.careline.common.paging.KeysetPage;
import io.careline.common.paging.PageCursor;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.consultation.api.CareRelationPage;
import io.careline.consultation.api.CareRelationView;
import io.careline.consultation.api.PatchCareRelationRequest;
import io.careline.consultation.model.CareGroup;
import io.careline.consultation.model.CareRelation;
import io.careline.consultation.model.CareRelationFilter;
import io.careline.consultation.model.CareRelationRepository;
import io.careline.consultation.model.ConsultationSource;
import io.careline.conversation.ParticipantService;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A doctor's patients (seed 002's DoctorPatientRelation): listed and filtered by tag, group, follow and block,
 * edited by the doctor alone. Blocking reaches the patient's memberships of the pair's consultation sessions.
 */
@ApplicationScoped
public class CareRelationService {
    @Inject
    CareRelationRepository relations;

    @Inject
    ParticipantService participants;

    @Inject
    UserService users;

    @Transactional
    public CareRelationPage list(Caller caller, CareRelationFilter filter, int limit, String cursor) {
        requireDoctor(caller);
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor, 2);
        KeysetPage<CareRelation> page = KeysetPage.of(relations.page(caller.tenant(), caller.userId(), filter,
                after == null ? null : Times.fromMicros(after.get(0)), after == null ? null : after.get(1), limit + 1),
                limit);
        Map<String, String> names = users.displayNamesIn(caller.tenant(), page.map(r -> r.patientId));
        return new CareRelationPage(page.map(r -> CareRelationView.of(r, names.get(r.patientId))),
                page.nextCursor(last -> PageCursor.of(Times.toMicros(last.updatedAt), last.pk)));
    }

    @Transactional
    public CareRelationView get(Caller caller, String patientId) {
        requireDoctor(caller);
        return view(caller, relations.find(caller.userId(), patientId).orElseThrow(CareRelationService::notFound));
    }

    @Transactional
    public CareRelationView patch(Caller caller, String patientId, PatchCareRelationRequest request) {
        requireDoctor(caller);
        CareRelation relation = relations.lock(caller.tenant(), caller.userId(), patientId)
                .orElseThrow(CareRelationService::notFound);
        if (request.tags() != null) {
            relation.tags.clear();
            relation.tags.addAll(new TreeSet<>(request.tags()));
        }
        if (request.remark() != null) {
            relation.remark = request.remark().isEmpty() ? null : request.remark();
        }
        if (request.groups() != null) {
            relation.groups = request.groups().stream().mapToInt(CareGroup::bit).reduce(0, (a, b) -> a | b);
        }
        if (request.followed() != null) {
            relation.followed = request.followed();
        }
        if (request.blocked() != null && request.blocked() != relation.blocked) {
            relation.blocked = request.blocked();
            participants.blockSending(caller.tenant(), caller.userId(), patientId, relation.blocked);
        }
        relation.updatedAt = Times.now();
        return view(caller, relation);
    }

    /** Creates the pair's relation unless it exists, committed at once so parallel initiates can all lock it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void ensure(String tenant, String doctorId, String patientId, ConsultationSource source) {
        relations.insertIfAbsent(tenant, doctorId, patientId, source, Times.now());
    }

    /** The pair's relation if there is one (no lock). */
    Optional<CareRelation> find(String doctorId, String patientId) {
        return relations.find(doctorId, patientId);
    }

    /** The pair's relation, locked until the caller's transaction ends; {@link #ensure} made it exist. */
    CareRelation lock(String tenant, String doctorId, String patientId) {
        return relations.lock(tenant, doctorId, patientId).orElseThrow(
                () -> new IllegalStateException("the care relation was ensured before it was locked"));
    }

    private CareRelationView view(Caller caller, CareRelation relation) {
        return CareRelationView.of(relation,
                users.displayNamesIn(caller.tenant(), List.of(relation.patientId)).get(relation.patientId));
    }

    private static void requireDoctor(Caller caller) {
        if (!caller.roles().contains(Role.DOCTOR)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only doctors keep care relations.");
        }
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCode.USER_NOT_FOUND, "No such patient of yours.");
    }
}
