package io.careline.realtime;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection's first frame is welcome, after which nothing is missed; every frame that fails is answered
 * with an error frame that names it ({@code ref}) and its invalid fields, and changes nothing.
 */
@QuarkusTest
class FrameErrorsTest {
    @TestHTTPResource("/")
    URI server;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor patient = Actor.of(tenant, "pat-f", "patient");
    Device phone;

    @BeforeEach
    void connect() {
        createSession(his, "frames", "consultation", "pat-f:patient", "his:service");
        phone = Device.connect(server, patient); // returns once welcome arrived
    }

    @AfterEach
    void disconnect() {
        phone.close();
    }

    @Test
    void aMessageSentRightAfterWelcomeIsDelivered() throws Exception {
        sendText(his, "frames", "right after welcome");
        JsonNode message = phone.next();
        assertThat(message.get("type").asText()).isEqualTo("message");
        assertThat(message.at("/content/text").asText()).isEqualTo("right after welcome");
    }

    @Test
    void welcomeNamesTheConnectionTheUserAndTheLimits() throws Exception {
        Device second = Device.connect(BasicWebSocketConnector.create()
                .addHeader("Authorization", "Bearer " + patient.token()), server, false);
        try {
            JsonNode welcome = second.next();
            assertThat(welcome.get("type").asText()).isEqualTo("welcome");
            assertThat(welcome.get("userId").asText()).isEqualTo("pat-f");
            assertThat(welcome.get("connectionId").asText()).isNotBlank();
            assertThat(welcome.get("heartbeatMillis").asLong()).isEqualTo(30_000);
            assertThat(welcome.at("/limits/maxFrameBytes").asLong()).isEqualTo(65_536);
            assertThat(welcome.at("/limits/framesPerSecond").asInt()).isEqualTo(20);
            assertThat(welcome.at("/limits/maxContentBytes").asInt()).isEqualTo(16_384);
            assertThat(welcome.get("serverTime").asText()).endsWith("Z");
        } finally {
            second.close();
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedAndTheRefKept() throws Exception {
        phone.send("{\"type\":\"send\",\"sessionId\":5,\"clientMsgId\":\"c-1\",\"msgType\":\"text\","
                + "\"content\":{\"text\":\"x\"}}");
        JsonNode error = phone.next();
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.get("ref").asText()).isEqualTo("c-1");
        assertThat(error.at("/errors/0/field").asText()).isEqualTo("sessionId");
        assertThat(error.get("retryable").asBoolean()).isFalse();

        phone.send("{\"type\":\"read\",\"id\":\"r-1\",\"sessionId\":\"frames\",\"seq\":\"1\"}");
        error = phone.next();
        assertThat(error.get("ref").asText()).isEqualTo("r-1");
        assertThat(error.at("/errors/0/field").asText()).isEqualTo("seq");
    }

    @Test
    void missingFieldsAreListed() throws Exception {
        phone.send("{\"type\":\"send\",\"id\":\"s-1\",\"msgType\":\"text\"}");
        JsonNode error = phone.next();
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.get("ref").asText()).isEqualTo("s-1");
        assertThat(error.get("errors").findValuesAsText("field")).containsExactly("sessionId", "clientMsgId", "content");
    }

    @Test
    void textThatIsNotUnicodeIsRefusedAndNothingIsStored() throws Exception {
        phone.send("{\"type\":\"send\",\"sessionId\":\"frames\",\"clientMsgId\":\"c-2\",\"msgType\":\"text\","
                + "\"content\":{\"text\":\"a\\ud800b\"}}");
        JsonNode error = phone.next();
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.get("ref").asText()).isEqualTo("c-2");
        assertThat(error.at("/errors/0/field").asText()).isEqualTo("content.text");
        his.req().get("/api/v1/sessions/frames").then().body("lastSeq", equalTo(0));
    }

    @Test
    void aBinaryFrameIsAnsweredWithAnError() throws Exception {
        phone.connection().sendBinaryAndAwait(Buffer.buffer(new byte[] { 1, 2, 3 }));
        assertThat(phone.next().get("code").asText()).isEqualTo("UNSUPPORTED_FRAME");
        phone.send("{\"type\":\"ping\",\"id\":\"still-open\"}");
        assertThat(phone.next().get("id").asText()).isEqualTo("still-open");
    }

    @Test
    void aNegativeSyncPositionIsRefusedNamingTheEntry() throws Exception {
        phone.send("{\"type\":\"sync\",\"id\":\"y-1\",\"sessions\":[{\"sessionId\":\"frames\",\"afterSeq\":-1}]}");
        JsonNode error = phone.next();
        assertThat(error.get("ref").asText()).isEqualTo("y-1");
        assertThat(error.at("/errors/0/field").asText()).isEqualTo("sessions[0].afterSeq");
    }
}
