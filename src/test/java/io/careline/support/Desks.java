package io.careline.support;

import io.careline.testing.Actor;
import java.util.HashMap;
import java.util.Map;

/** Short ways to set up support desks and their agents through the public API. */
final class Desks {
    private Desks() {
    }

    /** Creates a desk with the given routing and capacity, its assistant's profile, and its agents. */
    static void desk(Actor admin, String deskId, String routing, int capacity, Integer firstResponseMinutes,
            String... agents) {
        io.careline.testing.Notifications.profile(admin, deskId + "-assistant", "agent", null);
        Map<String, Object> body = new HashMap<>(Map.of("name", "Desk " + deskId, "assistantId",
                deskId + "-assistant", "routing", routing, "capacity", capacity));
        if (firstResponseMinutes != null) {
            body.put("firstResponseMinutes", firstResponseMinutes);
        }
        admin.req().body(body).put("/api/v1/support/desks/" + deskId).then().statusCode(201);
        for (String agent : agents) {
            boolean supervisor = agent.startsWith("sup-");
            io.careline.testing.Notifications.profile(admin, agent, "agent", null);
            admin.req().body(Map.of("supervisor", supervisor)).put("/api/v1/support/desks/" + deskId + "/agents/"
                    + agent).then().statusCode(201);
        }
    }

    /** Opens the customer's room at the desk; its session id. */
    static String open(Actor customer, String deskId) {
        return customer.req().body(Map.of("deskId", deskId)).post("/api/v1/support/rooms").then().statusCode(201)
                .extract().path("sessionId");
    }
}
