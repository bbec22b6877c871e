package io.careline.realtime;

import static io.careline.testing.Conversations.createSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An overloaded node sheds the frames that need the database instead of answering them ever later: with
 * no queue wait allowed at all, every such frame has waited too long.
 */
@QuarkusTest
@TestProfile(OverloadTest.NoQueueWait.class)
class OverloadTest {
    /** Any time spent waiting for a worker thread is too long. */
    public static class NoQueueWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("careline.realtime.max-queue-wait", "0s");
        }
    }

    @TestHTTPResource("/")
    URI server;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor patient = Actor.of(tenant, "pat-ov", "patient");

    @Test
    void framesThatWaitedTooLongAreRefusedUnprocessedAndCheapOnesStillAnswered() throws Exception {
        createSession(his, "busy", "consultation", "pat-ov:patient", "dr-ov:doctor");
        Device phone = Device.connect(server, patient);
        try {
            phone.send("{\"type\":\"send\",\"sessionId\":\"busy\",\"clientMsgId\":\"m-1\",\"msgType\":\"text\","
                    + "\"content\":{\"text\":\"hello\"}}");
            JsonNode refused = phone.next();
            assertThat(refused.get("type").asText()).isEqualTo("error");
            assertThat(refused.get("code").asText()).isEqualTo("OVERLOADED");
            assertThat(refused.get("ref").asText()).isEqualTo("m-1");

            phone.send("{\"type\":\"sync\",\"id\":\"s-1\"}");
            assertThat(phone.next().get("code").asText()).isEqualTo("OVERLOADED");

            phone.send("{\"type\":\"ping\",\"id\":\"p-1\"}");
            assertThat(phone.next().get("type").asText()).as("a ping needs no database").isEqualTo("pong");

            his.req().get("/api/v1/sessions/busy").then().statusCode(200).body("lastSeq", equalTo(0));
        } finally {
            phone.close();
        }
    }
}
