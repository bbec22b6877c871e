package io.careline.conversation;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forwards name their sources only: the server copies each one in with its provenance, and refuses (storing
 * nothing) a source the forwarder may not read, whatever the reason.
 */
@QuarkusTest
class ForwardTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-f", "doctor");
    final Actor patient = Actor.of(tenant, "pat-f", "patient");
    final Actor colleague = Actor.of(tenant, "dr-g", "doctor");

    @BeforeEach
    void sessions() {
        createSession(his, "from", "consultation", "pat-f:patient", "dr-f:doctor");
        createSession(his, "team", "group", "dr-f:doctor", "dr-g:doctor");
        createSession(his, "elsewhere", "consultation", "pat-q:patient", "dr-g:doctor");
    }

    private static Map<String, Object> forward(String sessionId, int seq) {
        return Map.of("type", "forward", "content", Map.of("sourceSessionId", sessionId, "sourceSeq", seq));
    }

    @Test
    void aForwardCarriesTheSourceAsItWasSentWithItsProvenance() {
        sendText(patient, "from", "The pain is worse at night");
        doctor.req().body(forward("from", 1)).post("/api/v1/sessions/team/messages").then().statusCode(201)
                .body("senderId", equalTo("dr-f")).body("type", equalTo("forward"))
                .body("content.sourceSessionId", equalTo("from")).body("content.sourceSeq", equalTo(1))
                .body("content.original.sessionId", equalTo("from"))
                .body("content.original.senderId", equalTo("pat-f"))
                .body("content.original.type", equalTo("text"))
                .body("content.original.content.text", equalTo("The pain is worse at night"));
        colleague.req().get("/api/v1/sessions/team/messages/1").then()
                .body("content.original.content.text", equalTo("The pain is worse at night"))
                .body("content.original.sentAt", equalTo(patient.req().get("/api/v1/sessions/from/messages/1")
                        .then().extract().path("createdAt")));
    }

    @Test
    void wordsOfTheForwardersOwnAreRefused() {
        sendText(patient, "from", "hello");
        doctor.req().body(Map.of("type", "forward", "content", Map.of("sourceSessionId", "from", "sourceSeq", 1,
                "text", "I, the patient, refuse treatment"))).post("/api/v1/sessions/team/messages").then()
                .statusCode(400).body("code", equalTo("INVALID_CONTENT")).body("errors.field", hasItem("content.text"));
        doctor.req().get("/api/v1/sessions/team").then().body("lastSeq", equalTo(0));
    }

    @Test
    void aSourceTheForwarderMayNotReadIsNotFoundAndNothingIsStored() {
        sendText(colleague, "elsewhere", "another patient's history");
        doctor.req().body(forward("elsewhere", 1)).post("/api/v1/sessions/team/messages").then().statusCode(404)
                .body("code", equalTo("MESSAGE_NOT_FOUND"));
        doctor.req().body(forward("no-such-session", 1)).post("/api/v1/sessions/team/messages").then()
                .statusCode(404).body("code", equalTo("MESSAGE_NOT_FOUND"));
        doctor.req().body(forward("from", 9)).post("/api/v1/sessions/team/messages").then().statusCode(404)
                .body("code", equalTo("MESSAGE_NOT_FOUND"));
        Actor.of(Tokens.freshTenant(), "dr-g", "doctor").req().body(forward("elsewhere", 1))
                .post("/api/v1/sessions/team/messages").then().statusCode(404);
        doctor.req().get("/api/v1/sessions/team").then().body("lastSeq", equalTo(0));
    }

    @Test
    void aForwardedImageMustBeAnImage() {
        sendText(patient, "from", "not a picture");
        patient.req().body(Map.of("type", "image", "content", Map.of("url", "https://cdn/x-ray.png")))
                .post("/api/v1/sessions/from/messages").then().statusCode(201);
        Map<String, Object> image = Map.of("sourceSessionId", "from", "sourceSeq", 1);
        doctor.req().body(Map.of("type", "forward_image", "content", image)).post("/api/v1/sessions/team/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("content.sourceSeq"));
        doctor.req().body(Map.of("type", "forward_image", "content", Map.of("sourceSessionId", "from", "sourceSeq", 2)))
                .post("/api/v1/sessions/team/messages").then().statusCode(201)
                .body("content.original.content.url", equalTo("https://cdn/x-ray.png"));
    }

    @Test
    void aBundleCopiesEveryMessageInTheOrderNamedOrNoneOfThem() {
        sendText(patient, "from", "one");
        sendText(doctor, "from", "two");
        sendText(colleague, "elsewhere", "secret");
        Map<String, Object> bundle = Map.of("type", "forward_bundle", "content", Map.of("title", "History",
                "messages", List.of(Map.of("sessionId", "from", "seq", 2), Map.of("sessionId", "from", "seq", 1))));
        doctor.req().body(bundle).post("/api/v1/sessions/team/messages").then().statusCode(201)
                .body("content.title", equalTo("History"))
                .body("content.messages.seq", contains(2, 1))
                .body("content.originals.content.text", contains("two", "one"))
                .body("content.originals.senderId", contains("dr-f", "pat-f"));

        doctor.req().body(Map.of("type", "forward_bundle", "content", Map.of("messages", List.of(
                Map.of("sessionId", "from", "seq", 1), Map.of("sessionId", "elsewhere", "seq", 1)))))
                .post("/api/v1/sessions/team/messages").then().statusCode(404).body("code", equalTo("MESSAGE_NOT_FOUND"));
        doctor.req().body(Map.of("type", "forward_bundle", "content", Map.of("messages", List.of())))
                .post("/api/v1/sessions/team/messages").then().statusCode(400)
                .body("errors[0].field", equalTo("content.messages"));
        doctor.req().body(Map.of("type", "forward_bundle", "content", Map.of("messages", List.of(
                Map.of("sessionId", "from", "seq", "1")))))
                .post("/api/v1/sessions/team/messages").then().statusCode(400)
                .body("errors[0].field", equalTo("content.messages[0]"));
        doctor.req().get("/api/v1/sessions/team").then().body("lastSeq", equalTo(1));
    }
}
