package io.careline.support;

import static io.careline.testing.Notifications.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live desk: queue frames to the desk's agents, assigned to the customer, claim and finish frames, auto routing. */
@QuarkusTest
class SupportRealtimeTest {
    @TestHTTPResource("/")
    URI server;

    final String tenant = Tokens.freshTenant();
    final Actor admin = Actor.of(tenant, "admin-l", "admin");
    final Actor agentA = Actor.of(tenant, "agent-a", "agent");
    final Actor agentB = Actor.of(tenant, "agent-b", "agent");
    final Actor customer = Actor.of(tenant, "cust-l", "patient");

    @BeforeEach
    void customer() {
        profile(admin, "cust-l", "patient", null);
        profile(admin, "cust-m", "patient", null);
    }

    @Test
    void agentsSeeTheQueueLiveAndTheCustomerIsToldWhoTookTheRoom() throws Exception {
        Desks.desk(admin, "live", "manual", 3, null, "agent-a", "agent-b");
        admin.req().body(Map.of("displayName", "Agent Ann", "role", "agent")).put("/api/v1/users/agent-a").then()
                .statusCode(200);
        Device a = Device.connect(server, agentA);
        Device b = Device.connect(server, agentB);
        Device shopper = Device.connect(server, customer);
        try {
            String room = Desks.open(customer, "live");
            assertQueue(nextOfType(a, "queue"), room, "waiting", 1);
            assertQueue(nextOfType(b, "queue"), room, "waiting", 1);

            a.send("{\"type\":\"claim\",\"id\":\"c1\",\"sessionId\":\"" + room + "\"}");
            JsonNode answer = nextOfType(a, "room");
            assertThat(answer.get("id").asText()).isEqualTo("c1");
            assertThat(answer.get("state").asText()).isEqualTo("assigned");
            assertQueue(nextOfType(b, "queue"), room, "claimed", 0);
            JsonNode assigned = nextOfType(shopper, "assigned");
            assertThat(assigned.get("sessionId").asText()).isEqualTo(room);
            assertThat(assigned.get("agentName").asText()).isEqualTo("Agent Ann");

            // A second claim over the WebSocket is refused with an error frame naming the frame.
            b.send("{\"type\":\"claim\",\"id\":\"c2\",\"sessionId\":\"" + room + "\"}");
            JsonNode refused = nextOfType(b, "error");
            assertThat(refused.get("code").asText()).isEqualTo("ROOM_ALREADY_CLAIMED");
            assertThat(refused.get("ref").asText()).isEqualTo("c2");
            b.send("{\"type\":\"claim\",\"id\":\"c3\"}");
            assertThat(nextOfType(b, "error").get("code").asText()).isEqualTo("VALIDATION_FAILED");

            a.send("{\"type\":\"finish\",\"id\":\"f1\",\"sessionId\":\"" + room + "\"}");
            assertThat(nextOfType(a, "room").get("state").asText()).isEqualTo("ended");
            assertQueue(nextOfType(b, "queue"), room, "finished", 0);
        } finally {
            a.close();
            b.close();
            shopper.close();
        }
    }

    @Test
    void anAutoDeskGivesEachRoomToTheLeastLoadedOnlineAgent() throws Exception {
        Desks.desk(admin, "auto", "auto", 1, null, "agent-a", "agent-b");
        Device a = Device.connect(server, agentA);
        Device b = Device.connect(server, agentB);
        try {
            // Nobody online: the room waits.
            String first = Desks.open(customer, "auto");
            agentA.req().get("/api/v1/support/rooms/" + first).then().statusCode(404);
            // Coming online takes the waiting room.
            agentA.req().body(Map.of("status", "online")).put("/api/v1/support/agents/me").then().statusCode(200)
                    .body("desks[0].held", is(1));
            agentA.req().get("/api/v1/support/rooms/" + first).then().body("agentId", is("agent-a"));
            agentB.req().body(Map.of("status", "online")).put("/api/v1/support/agents/me").then().statusCode(200)
                    .body("desks[0].held", is(0));
            // The next room goes to the agent under capacity; then nobody has room and it waits.
            String second = Desks.open(Actor.of(tenant, "cust-m", "patient"), "auto");
            agentB.req().get("/api/v1/support/rooms/" + second).then().body("agentId", is("agent-b"));
            profile(admin, "cust-n", "patient", null);
            String third = Desks.open(Actor.of(tenant, "cust-n", "patient"), "auto");
            admin.req().get("/api/v1/support/rooms/" + third).then().body("state", is("waiting"));
            // An agent who is away gets nothing; finishing frees a place, and the finisher takes the next room.
            agentB.req().body(Map.of("status", "away")).put("/api/v1/support/agents/me").then().statusCode(200);
            agentA.req().post("/api/v1/support/rooms/" + first + "/finish").then().statusCode(200);
            admin.req().get("/api/v1/support/rooms/" + third).then().body("agentId", is("agent-a"));
            agentA.req().body(Map.of("status", "busy")).put("/api/v1/support/agents/me").then().statusCode(400);
        } finally {
            a.close();
            b.close();
        }
    }

    private static void assertQueue(JsonNode frame, String sessionId, String event, int waiting) {
        assertThat(frame.get("deskId").isTextual()).isTrue();
        assertThat(frame.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(frame.get("event").asText()).isEqualTo(event);
        assertThat(frame.get("waiting").asInt()).isEqualTo(waiting);
    }

    /** The next frame of a type, skipping the session and message frames of the rooms the device is in. */
    private static JsonNode nextOfType(Device device, String type) throws Exception {
        for (int i = 0; i < 20; i++) {
            JsonNode frame = device.next();
            if (frame.get("type").asText().equals(type)) {
                return frame;
            }
        }
        throw new AssertionError("no " + type + " frame among the next 20");
    }
}
