package io.careline.support;

import static io.careline.testing.Notifications.profile;
import static org.assertj.core.api.Assertions.assertThat;

import io.careline.testing.Actor;
import io.careline.testing.TestClock;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A room waiting past its desk's first-response target escalates to the desk's supervisors, once. */
@QuarkusTest
class SupportServiceLevelTest {
    @Inject
    TestClock clock;

    @Inject
    SupportEscalation escalation;

    final String tenant = Tokens.freshTenant();
    final Actor admin = Actor.of(tenant, "admin-v", "admin");
    final Actor supervisor = Actor.of(tenant, "sup-v", "agent");
    final Actor agent = Actor.of(tenant, "agent-v", "agent");
    final Instant start = Instant.now();

    @BeforeEach
    void desk() {
        Desks.desk(admin, "sla", "manual", 5, 10, "agent-v", "sup-v");
        profile(admin, "cust-v", "patient", null);
        profile(admin, "cust-w", "patient", null);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRoomWaitingPastTheTargetEscalatesOnceToTheSupervisors() {
        String room = Desks.open(Actor.of(tenant, "cust-v", "patient"), "sla");
        clock.fixAt(start.plusSeconds(9 * 60));
        escalation.runOnce();
        assertThat(overdueFor(supervisor)).isEmpty();
        clock.fixAt(start.plusSeconds(11 * 60));
        escalation.runOnce();
        List<Map<String, Object>> alerts = overdueFor(supervisor);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).containsEntry("priority", "urgent");
        assertThat(alerts.get(0).toString()).contains(room).doesNotContain("cust-v");
        assertThat(overdueFor(agent)).isEmpty();
        clock.fixAt(start.plusSeconds(60 * 60));
        escalation.runOnce();
        assertThat(overdueFor(supervisor)).hasSize(1);
    }

    @Test
    void aClaimedRoomDoesNotEscalate() {
        String room = Desks.open(Actor.of(tenant, "cust-w", "patient"), "sla");
        agent.req().post("/api/v1/support/rooms/" + room + "/claim").then().statusCode(201);
        clock.fixAt(start.plusSeconds(60 * 60));
        escalation.runOnce();
        assertThat(overdueFor(supervisor)).isEmpty();
    }

    private static List<Map<String, Object>> overdueFor(Actor actor) {
        return actor.req().get("/api/v1/notifications?type=response_overdue").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }
}
