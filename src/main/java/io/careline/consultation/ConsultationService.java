package io.careline.consultation;

import io.careline.common.Outcome;
import io.careline.common.Times;
import io.careline.common.paging.KeysetPage;
import io.careline.common.paging.PageCursor;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.consultation.api.ConsultationCounts;
import io.careline.consultation.api.ConsultationPage;
import io.careline.consultation.api.ConsultationView;
import io.careline.consultation.api.DoctorSettingsView;
import io.careline.consultation.api.InitiateConsultationRequest;
import io.careline.consultation.model.CareRelation;
import io.careline.consultation.model.Consultation;
import io.careline.consultation.model.ConsultationCount;
import io.careline.consultation.model.ConsultationFilter;
import io.careline.consultation.model.ConsultationKind;
import io.careline.consultation.model.ConsultationRepository;
import io.careline.consultation.model.ConsultationSource;
import io.careline.consultation.model.ConsultationStatus;
import io.careline.conversation.Access;
import io.careline.conversation.SessionService;
import io.careline.conversation.TopicService;
import io.careline.conversation.api.OpenTopicRequest;
import io.careline.conversation.api.SessionType;
import io.careline.conversation.api.TopicState;
import io.careline.conversation.api.TopicView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Seed 002's consultations as a service: initiate (the pair's open consultation, or a new one in the pair's
 * session), read and list them for their doctor, their patient and managers, with the workbench counts.
 */
@ApplicationScoped
public class ConsultationService {
    @Inject
    ConsultationRepository consultations;

    @Inject
    CareRelationService relations;

    @Inject
    DoctorSettingsService settings;

    @Inject
    SessionService sessions;

    @Inject
    TopicService topics;

    @Inject
    ConsultationHoursService hours;

    @Inject
    Clock clock;

    /**
     * The pair's open consultation (not created now: {@code isOld}), or a new one with whatever it lacks: the
     * care relation, the pair's session, the topic. Parallel initiates for one pair take turns on the relation's
     * row lock, so they create one consultation. Refusals come before anything is written.
     */
    @Transactional
    public Outcome<ConsultationView> initiate(Caller caller, InitiateConsultationRequest request) {
        String doctorId = request.doctorId();
        String patientId = request.patientId();
        refuseUnlessAllowed(caller, doctorId, patientId);
        ConsultationKind kind = Objects.requireNonNullElse(request.kind(), ConsultationKind.TEXT);
        DoctorSettingsView accepted = requireAccepted(doctorId, kind);
        ConsultationSource source = Objects.requireNonNullElse(request.source(), ConsultationSource.ONLINE);
        CareRelation relation = lockUnblockedRelation(caller.tenant(), doctorId, patientId, source);
        // The patient opens the topic, whoever calls: the consultation is theirs.
        Caller patient = new Caller(caller.tenant(), patientId, Set.of(Role.PATIENT), null, caller.connectionId());
        Access session = pairSession(patient, doctorId);
        String openTopic = session.openTopicId();
        Optional<Consultation> open = openTopic == null ? Optional.empty() : consultations.findByPublicId(openTopic);
        if (open.isPresent()) {
            return Outcome.existing(ConsultationView.of(open.get(), true));
        }
        TopicView topic = openTopic != null ? topics.get(patient, openTopic)
                : topics.open(patient, session.sessionId(), new OpenTopicRequest(null, request.description()))
                        .value();
        Consultation consultation = newConsultation(caller.tenant(), topic, request, kind, source, accepted);
        consultations.persist(consultation);
        relation.latestConsultationId = consultation.publicId;
        relation.updatedAt = Times.now();
        return Outcome.created(ConsultationView.of(consultation, false));
    }

    /** A patient initiates for themselves, services and admins for any patient, and only with a doctor. */
    private void refuseUnlessAllowed(Caller caller, String doctorId, String patientId) {
        if (!caller.isManager() && (caller.isStaff() || !caller.userId().equals(patientId))) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "A patient initiates for themselves; services and admins for any patient.");
        }
        if (doctorId.equals(patientId)) {
            throw DomainException.invalid("patientId", "must not be the doctor");
        }
        settings.requireDoctor(caller, doctorId);
    }

    /** The doctor's settings, when they take this kind of consultation now. */
    private DoctorSettingsView requireAccepted(String doctorId, ConsultationKind kind) {
        DoctorSettingsView accepted = settings.of(doctorId);
        if (!accepts(accepted, kind)) {
            throw new DomainException(ErrorCode.KIND_NOT_ACCEPTED,
                    "This doctor does not take " + kind.wire() + " consultations now.");
        }
        return accepted;
    }

    /**
     * The pair's care relation, created if new and locked until commit (parallel initiates take turns here);
     * refused when the doctor blocked the patient, checked before writing and again under the lock.
     */
    private CareRelation lockUnblockedRelation(String tenant, String doctorId, String patientId,
            ConsultationSource source) {
        if (relations.find(doctorId, patientId).filter(r -> r.blocked).isPresent()) {
            throw blocked();
        }
        relations.ensure(tenant, doctorId, patientId, source);
        CareRelation relation = relations.lock(tenant, doctorId, patientId);
        if (relation.blocked) {
            throw blocked();
        }
        return relation;
    }

    /** The pair's one consultation session, created or reopened, as the patient sees it. */
    private Access pairSession(Caller patient, String doctorId) {
        Map<String, Role> members = new LinkedHashMap<>();
        members.put(doctorId, Role.DOCTOR);
        members.put(patient.userId(), Role.PATIENT);
        return sessions.ensure(patient, sessionIdOf(doctorId, patient.userId()), SessionType.CONSULTATION, null,
                members);
    }

    /** The consultation of a topic just opened (or found open), due for a first answer by the doctor's target. */
    private Consultation newConsultation(String tenant, TopicView topic, InitiateConsultationRequest request,
            ConsultationKind kind, ConsultationSource source, DoctorSettingsView accepted) {
        Consultation consultation = new Consultation();
        consultation.publicId = topic.id();
        consultation.sessionId = topic.sessionId();
        consultation.doctorId = request.doctorId();
        consultation.patientId = request.patientId();
        consultation.kind = kind;
        consultation.source = source;
        consultation.status = statusOf(topic.state());
        consultation.replied = topic.replied();
        consultation.startedAt = topic.openedAt();
        consultation.firstReplyAt = topic.firstReplyAt();
        consultation.doctorSeesAt = hours.nextOpen(tenant, List.of(request.doctorId()), clock.instant())
                .get(request.doctorId());
        consultation.responseDueAt = accepted.firstResponseMinutes() == null ? null
                : consultation.doctorSeesAt.plus(Duration.ofMinutes(accepted.firstResponseMinutes()));
        return consultation;
    }

    @Transactional
    public ConsultationView get(Caller caller, String consultationId) {
        return consultations.findByPublicId(consultationId)
                .filter(c -> caller.isManager() || caller.userId().equals(c.doctorId)
                        || caller.userId().equals(c.patientId))
                .map(c -> ConsultationView.of(c, true))
                .orElseThrow(() -> new DomainException(ErrorCode.CONSULTATION_NOT_FOUND, "No such consultation."));
    }

    /**
     * The caller's consultations matching the filter, newest first, with the workbench counts: a doctor's (or
     * nurse's) are those they were asked, a patient's those they asked; managers see the tenant's.
     */
    @Transactional
    public ConsultationPage list(Caller caller, ConsultationFilter requested, int limit, String cursor) {
        ConsultationFilter filter = scoped(caller, requested);
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor, 2);
        KeysetPage<Consultation> page = KeysetPage.of(consultations.page(filter,
                after == null ? null : Times.fromMicros(after.get(0)), after == null ? null : after.get(1), limit + 1),
                limit);
        return new ConsultationPage(page.map(c -> ConsultationView.of(c, true)), counts(filter),
                page.nextCursor(last -> PageCursor.of(Times.toMicros(last.startedAt), last.pk)));
    }

    /** The pair's one consultation session: a stable id, whatever characters the user ids hold. */
    static String sessionIdOf(String doctorId, String patientId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((doctorId + '\0' + patientId).getBytes(StandardCharsets.UTF_8));
            return "consultation-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private ConsultationCounts counts(ConsultationFilter filter) {
        long[] counts = new long[4];
        for (ConsultationCount row : consultations.counts(filter)) {
            int index = switch (row.status()) {
                case NEW -> 0;
                case REPLYING -> 1;
                case ENDED -> row.replied() ? 2 : 3;
            };
            counts[index] += row.count();
        }
        return new ConsultationCounts(counts[0], counts[1], counts[2], counts[3]);
    }

    private static ConsultationFilter scoped(Caller caller, ConsultationFilter requested) {
        if (caller.isManager()) {
            return requested;
        }
        boolean asDoctor = caller.isStaff();
        String own = caller.userId();
        String other = asDoctor ? requested.doctorId() : requested.patientId();
        if (other != null && !other.equals(own)) {
            // Someone else's consultations: none of them are the caller's.
            own = null;
        }
        return asDoctor
                ? new ConsultationFilter(Objects.requireNonNullElse(own, ""), requested.patientId(), requested.kind(),
                        requested.status())
                : new ConsultationFilter(requested.doctorId(), Objects.requireNonNullElse(own, ""), requested.kind(),
                        requested.status());
    }

    private static boolean accepts(DoctorSettingsView settings, ConsultationKind kind) {
        return switch (kind) {
            case TEXT -> settings.text();
            case PHONE -> settings.phone();
            case VIDEO -> settings.video();
        };
    }

    private static ConsultationStatus statusOf(TopicState state) {
        return switch (state) {
            case UNREPLIED -> ConsultationStatus.NEW;
            case IN_PROGRESS -> ConsultationStatus.REPLYING;
            case ENDED -> ConsultationStatus.ENDED;
        };
    }

    private static DomainException blocked() {
        return new DomainException(ErrorCode.PATIENT_BLOCKED, "This doctor does not take consultations from you.");
    }
}
