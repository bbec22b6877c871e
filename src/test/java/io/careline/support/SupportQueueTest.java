package io.careline.support;

import static io.careline.testing.Notifications.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A desk's queue and its rooms' lifecycle: open, claim (atomic), transfer, release, finish, flags, access. */
@QuarkusTest
class SupportQueueTest {
    @Inject
    EntityManager entityManager;

    final String tenant = Tokens.freshTenant();
    final Actor admin = Actor.of(tenant, "admin-q", "admin");
    final Actor agentA = Actor.of(tenant, "agent-a", "agent");
    final Actor agentB = Actor.of(tenant, "agent-b", "agent");
    final Actor supervisor = Actor.of(tenant, "sup-c", "agent");
    final Actor customer = Actor.of(tenant, "cust-1", "patient");

    @BeforeEach
    void desk() {
        Desks.desk(admin, "help", "manual", 2, null, "agent-a", "agent-b", "sup-c");
        profile(admin, "cust-1", "patient", null);
        profile(admin, "cust-2", "patient", null);
    }

    @Test
    void aCustomerHasOneOpenRoomPerDeskAndTheQueueListsWaitingRoomsOldestFirst() {
        String first = Desks.open(customer, "help");
        customer.req().body(Map.of("deskId", "help")).post("/api/v1/support/rooms").then().statusCode(200)
                .body("sessionId", is(first)).body("state", is("waiting"));
        String second = Desks.open(Actor.of(tenant, "cust-2", "patient"), "help");
        agentA.req().get("/api/v1/support/queue?deskId=help").then().statusCode(200).body("waiting", is(2))
                .body("items.sessionId", contains(first, second));
        agentA.req().get("/api/v1/support/queue?deskId=help&limit=1").then().body("items", hasSize(1))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        // The customer talks to the desk's assistant in an ordinary session.
        customer.req().get("/api/v1/sessions/" + first + "/participants").then().statusCode(200)
                .body("userId", org.hamcrest.Matchers.hasItems("cust-1", "help-assistant"));
        customer.req().body(Map.of("deskId", "nowhere")).post("/api/v1/support/rooms").then().statusCode(404)
                .body("code", is("DESK_NOT_FOUND"));
        customer.req().body(Map.of("deskId", "help", "customerId", "cust-2")).post("/api/v1/support/rooms").then()
                .statusCode(403);
        customer.req().body(Map.of("deskId", 5)).post("/api/v1/support/rooms").then().statusCode(400);
        assertThat(rooms()).isEqualTo(2);
    }

    @Test
    void parallelOpensOfOneCustomerGiveOneRoom() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> rooms = new ArrayList<>();
        try {
            List<Callable<String>> opens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                opens.add(() -> customer.req().body(Map.of("deskId", "help")).post("/api/v1/support/rooms").then()
                        .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("sessionId"));
            }
            for (Future<String> room : pool.invokeAll(opens)) {
                rooms.add(room.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rooms.stream().distinct()).hasSize(1);
        assertThat(rooms()).isEqualTo(1);
    }

    @Test
    void ofSeveralAgentsClaimingARoomAtOnceExactlyOneWins() throws Exception {
        for (int i = 0; i < 8; i++) {
            admin.req().body(Map.of()).put("/api/v1/support/desks/help/agents/racer-" + i).then().statusCode(201);
        }
        String room = Desks.open(customer, "help");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Actor racer = Actor.of(tenant, "racer-" + i, "agent");
                claims.add(() -> racer.req().post("/api/v1/support/rooms/" + room + "/claim").then().extract()
                        .statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(claims)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        String holder = customer.req().get("/api/v1/support/rooms/" + room).then().extract().path("agentId");
        // The winner is the room's only agent member, and the room's history has one claim.
        assertThat(agentMembers(room)).containsExactly(holder);
        assertThat(events(room)).containsExactly("WAITING", "CLAIMED");
        agentA.req().post("/api/v1/support/rooms/" + room + "/claim").then().statusCode(409)
                .body("code", is("ROOM_ALREADY_CLAIMED"));
    }

    @Test
    void agentsTakingTheNextRoomAtOnceEachGetADifferentOne() throws Exception {
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            profile(admin, "next-" + i, "patient", null);
            waiting.add(Desks.open(Actor.of(tenant, "next-" + i, "patient"), "help"));
            admin.req().body(Map.of()).put("/api/v1/support/desks/help/agents/taker-" + i).then().statusCode(201);
        }
        agentA.req().body(Map.of("deskId", "help")).post("/api/v1/support/queue/claim").then().statusCode(201)
                .body("sessionId", is(waiting.get(0)));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<String> taken = new ArrayList<>();
        try {
            List<Callable<String>> claims = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Actor taker = Actor.of(tenant, "taker-" + i, "agent");
                claims.add(() -> {
                    while (true) {
                        var answer = taker.req().body(Map.of("deskId", "help")).post("/api/v1/support/queue/claim")
                                .then().extract();
                        if (answer.statusCode() == 201) {
                            return answer.path("sessionId");
                        }
                        // Every room it looked at was taken meanwhile: retry, as the code says.
                        assertThat(answer.statusCode()).isEqualTo(409);
                        assertThat(answer.<Boolean>path("retryable")).isTrue();
                    }
                });
            }
            for (Future<String> room : pool.invokeAll(claims)) {
                taken.add(room.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(taken).containsExactlyInAnyOrderElementsOf(waiting.subList(1, 6));
        agentB.req().body(Map.of("deskId", "help")).post("/api/v1/support/queue/claim").then().statusCode(204);
        customer.req().body(Map.of("deskId", "help")).post("/api/v1/support/queue/claim").then().statusCode(404);
    }

    @Test
    void customersStrangersAndOtherTenantsCannotActAsAgents() {
        String room = Desks.open(customer, "help");
        customer.req().post("/api/v1/support/rooms/" + room + "/claim").then().statusCode(404)
                .body("code", is("SUPPORT_ROOM_NOT_FOUND"));
        customer.req().get("/api/v1/support/queue?deskId=help").then().statusCode(404);
        Actor.of(tenant, "agent-elsewhere", "agent").req().post("/api/v1/support/rooms/" + room + "/claim").then()
                .statusCode(404);
        Actor.of(Tokens.freshTenant(), "agent-a", "agent").req().post("/api/v1/support/rooms/" + room + "/claim")
                .then().statusCode(404);
        Actor.of(tenant, "cust-2", "patient").req().get("/api/v1/support/rooms/" + room).then().statusCode(404);
        agentB.req().get("/api/v1/support/rooms/" + room).then().statusCode(404);
        agentA.req().post("/api/v1/support/rooms/" + room + "/release").then().statusCode(409)
                .body("code", is("ROOM_NOT_HELD"));
        assertThat(events(room)).containsExactly("WAITING");
    }

    @Test
    void theHolderTransfersReleasesAndFinishesAndOnlyTheHolderReadsTheRoom() {
        String room = Desks.open(customer, "help");
        agentA.req().post("/api/v1/support/rooms/" + room + "/claim").then().statusCode(201)
                .body("state", is("assigned")).body("agentId", is("agent-a"));
        agentA.req().post("/api/v1/support/rooms/" + room + "/claim").then().statusCode(200);
        sendText(customer, room, "My invoice is wrong");
        agentA.req().get("/api/v1/sessions/" + room + "/messages").then().statusCode(200);
        agentB.req().get("/api/v1/sessions/" + room + "/messages").then().statusCode(404);

        agentA.req().body(Map.of("agentId", "agent-b")).post("/api/v1/support/rooms/" + room + "/transfer").then()
                .statusCode(200).body("agentId", is("agent-b"));
        agentA.req().get("/api/v1/sessions/" + room + "/messages").then().statusCode(404);
        agentB.req().get("/api/v1/sessions/" + room + "/messages").then().statusCode(200);
        agentB.req().body(Map.of("agentId", "cust-2")).post("/api/v1/support/rooms/" + room + "/transfer").then()
                .statusCode(404);

        agentB.req().post("/api/v1/support/rooms/" + room + "/release").then().statusCode(200)
                .body("state", is("waiting")).body("agentId", nullValue());
        agentB.req().get("/api/v1/sessions/" + room + "/messages").then().statusCode(404);
        agentA.req().get("/api/v1/support/queue?deskId=help").then().body("items.sessionId", contains(room));

        agentA.req().post("/api/v1/support/rooms/" + room + "/claim").then().statusCode(201);
        agentA.req().post("/api/v1/support/rooms/" + room + "/finish").then().statusCode(200)
                .body("state", is("ended"));
        agentA.req().get("/api/v1/sessions/" + room + "/messages").then().statusCode(404);
        agentA.req().post("/api/v1/support/rooms/" + room + "/finish").then().statusCode(409)
                .body("code", is("ROOM_ENDED"));
        // Managers still read it; the customer reads it and may not write into the closed session.
        admin.req().get("/api/v1/sessions/" + room + "/messages").then().statusCode(200);
        customer.req().body(Map.of("type", "text", "content", Map.of("text", "hello?")))
                .post("/api/v1/sessions/" + room + "/messages").then().statusCode(409)
                .body("code", is("SESSION_CLOSED"));
        customer.req().post("/api/v1/support/rooms/" + room + "/finish").then().statusCode(200);
        assertThat(events(room)).containsExactly("WAITING", "CLAIMED", "TRANSFERRED", "RELEASED", "CLAIMED",
                "FINISHED");
        // Finished, the customer's next room is a new one.
        assertThat(Desks.open(customer, "help")).isNotEqualTo(room);
    }

    @Test
    void aSupervisorMovesAnyRoomAndAgentsHoldNoMoreThanTheCapacity() {
        String one = Desks.open(customer, "help");
        String two = Desks.open(Actor.of(tenant, "cust-2", "patient"), "help");
        profile(admin, "cust-3", "patient", null);
        String three = Desks.open(Actor.of(tenant, "cust-3", "patient"), "help");
        agentA.req().post("/api/v1/support/rooms/" + one + "/claim").then().statusCode(201);
        agentA.req().post("/api/v1/support/rooms/" + two + "/claim").then().statusCode(201);
        agentA.req().post("/api/v1/support/rooms/" + three + "/claim").then().statusCode(409)
                .body("code", is("AGENT_AT_CAPACITY"));
        agentB.req().post("/api/v1/support/rooms/" + three + "/claim").then().statusCode(201);
        supervisor.req().body(Map.of("agentId", "agent-a")).post("/api/v1/support/rooms/" + three + "/transfer")
                .then().statusCode(409).body("code", is("AGENT_AT_CAPACITY"));
        supervisor.req().post("/api/v1/support/rooms/" + one + "/release").then().statusCode(200);
        supervisor.req().get("/api/v1/support/rooms/" + two).then().statusCode(200);
        agentA.req().get("/api/v1/support/agents/me").then().statusCode(200).body("desks[0].held", is(1))
                .body("desks[0].capacity", is(2));
        customer.req().get("/api/v1/support/agents/me").then().statusCode(403);
    }

    @Test
    void theCustomersMessageAwaitsAReplyAndTheAgentsClearsIt() {
        String room = Desks.open(customer, "help");
        agentA.req().post("/api/v1/support/rooms/" + room + "/claim").then().statusCode(201);
        agentA.req().get("/api/v1/support/rooms/" + room).then().body("awaitingReply", is(false));
        int seq = sendText(customer, room, "Hello?");
        agentA.req().body(Map.of("seq", seq)).post("/api/v1/sessions/" + room + "/read").then().statusCode(200);
        agentA.req().get("/api/v1/support/agents/me/rooms?awaitingReply=true").then().body("items", hasSize(1))
                .body("items[0].sessionId", is(room)).body("items[0].agentReadSeq", is(seq));
        sendText(agentA, room, "Hello, how can I help?");
        agentA.req().get("/api/v1/support/agents/me/rooms?awaitingReply=true").then().body("items", hasSize(0));
        agentA.req().get("/api/v1/support/agents/me/rooms").then().body("items", hasSize(1))
                .body("items[0].firstResponseAt", org.hamcrest.Matchers.notNullValue());
        agentA.req().get("/api/v1/support/agents/me/rooms?awaitingReply=maybe").then().statusCode(400);
        customer.req().get("/api/v1/support/rooms").then().body("items", hasSize(1))
                .body("items[0].awaitingReply", is(false));
    }

    private static int sendText(Actor sender, String sessionId, String text) {
        return io.careline.testing.Conversations.sendText(sender, sessionId, text);
    }

    private long rooms() {
        return ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM support_rooms WHERE tenant_id = ?1")
                .setParameter(1, tenant).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> agentMembers(String sessionId) {
        return entityManager.createNativeQuery("""
                SELECT p.user_id FROM participants p JOIN sessions s ON s.pk = p.session_pk
                WHERE s.tenant_id = ?1 AND s.public_id = ?2 AND p.role = 'AGENT' AND p.user_id <> 'help-assistant'""")
                .setParameter(1, tenant).setParameter(2, sessionId).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> events(String sessionId) {
        return entityManager.createNativeQuery("""
                SELECT e.event FROM support_room_events e JOIN support_rooms r ON r.pk = e.room_pk
                WHERE r.tenant_id = ?1 AND r.session_id = ?2 ORDER BY e.pk""").setParameter(1, tenant)
                .setParameter(2, sessionId).getResultList();
    }
}
