package io.careline.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.security.Caller;
import io.careline.common.security.CurrentTenant;
import io.careline.common.security.Role;
import io.careline.console.ConsoleSettings;
import io.careline.console.DemoUsers;
import io.careline.consultation.ConsultationService;
import io.careline.consultation.api.InitiateConsultationRequest;
import io.careline.conversation.MessageService;
import io.careline.conversation.SessionService;
import io.careline.conversation.TopicService;
import io.careline.conversation.api.CreateSessionRequest;
import io.careline.conversation.api.OpenTopicRequest;
import io.careline.conversation.api.ParticipantRequest;
import io.careline.conversation.api.SendMessageRequest;
import io.careline.conversation.api.SessionType;
import io.careline.notification.send.NotificationSender;
import io.careline.notification.NotificationTypes;
import io.careline.notification.api.SendNotificationRequest;
import io.careline.push.rules.ExampleRules;
import io.careline.push.rules.RuleService;
import io.careline.support.DeskService;
import io.careline.support.RoomService;
import io.careline.support.api.DeskAgentRequest;
import io.careline.support.api.DeskRequest;
import io.careline.support.api.OpenRoomRequest;
import io.careline.support.api.Routing;
import io.careline.user.UpsertUserRequest;
import io.careline.user.UserService;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Dev mode only: a demo hospital with a doctor team, patients, a consultation with messages, two
 * notifications, seed 001's home-nursing push rules, a support desk with a waiting room, and a new
 * consultation for the doctor's workbench. Every step is idempotent (fixed ids, client message ids and idempotency keys), so
 * restarting dev mode changes nothing.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoData implements DemoUsers {
    static final String TENANT = "demo-hospital";
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String CONSULTATION = "patient-zhang_team-1_consultation";
    private static final String DESK = "front-desk";
    private static final String ASSISTANT = "careline-assistant";

    @Inject
    CurrentTenant currentTenant;

    @Inject
    UserService users;

    @Inject
    SessionService sessions;

    @Inject
    MessageService messages;

    @Inject
    TopicService topics;

    @Inject
    NotificationSender notifications;

    @Inject
    NotificationTypes types;

    @Inject
    RuleService rules;

    @Inject
    ObjectMapper mapper;

    @Inject
    DeskService desks;

    @Inject
    RoomService rooms;

    @Inject
    ConsultationService consultations;

    /** The demo users, in the order the console's dev sign-in lists them. */
    private static final Map<String, Role> USERS = roles();

    /** The demo users the console offers in dev mode (docs/console.md). */
    @Override
    public List<ConsoleSettings.DevUser> users() {
        return USERS.entrySet().stream()
                .map(user -> new ConsoleSettings.DevUser(user.getKey(), user.getValue().wire(), TENANT)).toList();
    }

    private static Map<String, Role> roles() {
        Map<String, Role> users = new LinkedHashMap<>();
        users.put("dr-wang", Role.DOCTOR);
        users.put("nurse-li", Role.NURSE);
        users.put("patient-zhang", Role.PATIENT);
        users.put("patient-chen", Role.PATIENT);
        users.put("agent-zhao", Role.AGENT);
        users.put("admin", Role.ADMIN);
        users.put("his", Role.SERVICE);
        return users;
    }

    @ActivateRequestContext
    void load(@Observes StartupEvent start) {
        currentTenant.use(TENANT);
        USERS.forEach((userId, role) -> users.upsert(userId,
                        UpsertUserRequest.of(displayName(userId), role, "General Practice", null, null)));

        Caller his = caller("his", Role.SERVICE);
        sessions.create(his, new CreateSessionRequest(CONSULTATION, SessionType.CONSULTATION, null,
                "Zhang – family doctor team", List.of(new ParticipantRequest("patient-zhang", null),
                        new ParticipantRequest("dr-wang", null), new ParticipantRequest("nurse-li", null))));
        sessions.create(his, new CreateSessionRequest("dr-wang_nurse-li", SessionType.P2P, null, null,
                List.of(new ParticipantRequest("dr-wang", null), new ParticipantRequest("nurse-li", null))));

        Caller patient = caller("patient-zhang", Role.PATIENT);
        Caller doctor = caller("dr-wang", Role.DOCTOR);
        topics.open(patient, CONSULTATION, new OpenTopicRequest("consult-1001", "Headache for three days"));
        send(patient, "demo-1", "text", Map.of("text", "I have had a headache for three days."));
        send(doctor, "demo-2", "text", Map.of("text", "Any fever or nausea? Please measure your blood pressure."));
        send(doctor, "demo-3", "prescription", Map.of("prescriptionId", "rx-77",
                "drugs", List.of("Ibuprofen 200 mg"), "text", "Take after meals."));
        notifications.send(his, new SendNotificationRequest(List.of("patient-zhang"), null, null, null, null,
                "exam_result", "Your blood test result is out", "Open the app to read Dr Wang's comments.", null,
                mapper.valueToTree(Map.of("examId", "E789")), null, "demo-exam-E789", null, null, null));
        notifications.send(his, new SendNotificationRequest(null, List.of(Role.DOCTOR, Role.NURSE), null, null, null,
                "system_maintenance", "Maintenance tonight at 22:00", "The system is unavailable for 30 minutes.",
                null, null, null, "demo-maintenance-1", null, null, null));
        Caller admin = caller("admin", Role.ADMIN);
        types.put(admin, ExampleRules.TYPE, ExampleRules.TYPE_DEFINITION);
        rules.importAll(admin, ExampleRules.homeNursing(mapper));

        // The care desk and a second consultation, for the console's agent desk and workbench.
        users.upsert(ASSISTANT, UpsertUserRequest.of("Careline assistant", Role.AGENT, null, null, null));
        desks.put(admin, DESK, new DeskRequest("Front desk", ASSISTANT, Routing.MANUAL, 5, 10));
        desks.putAgent(admin, DESK, "agent-zhao", new DeskAgentRequest(false));
        Caller chen = caller("patient-chen", Role.PATIENT);
        rooms.open(chen, new OpenRoomRequest(DESK, null));
        consultations.initiate(chen, new InitiateConsultationRequest("dr-wang", "patient-chen", null, null,
                "Follow-up on my blood pressure"));
        LOG.infof("Demo data ready in tenant %s; get a token at /dev/token?user=dr-wang&role=doctor", TENANT);
    }

    private void send(Caller sender, String clientMsgId, String type, Map<String, Object> content) {
        messages.send(sender, CONSULTATION, new SendMessageRequest(type, mapper.valueToTree(content), clientMsgId,
                null));
    }

    private static Caller caller(String userId, Role role) {
        return new Caller(TENANT, userId, Set.of(role), displayName(userId));
    }

    private static String displayName(String userId) {
        return userId.substring(userId.indexOf('-') + 1);
    }
}
