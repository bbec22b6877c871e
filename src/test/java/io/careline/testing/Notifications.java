package io.careline.testing;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;

/** Shortcuts for the notification API in tests: profiles to target, and sends. */
public final class Notifications {
    private Notifications() {
    }

    /** Stores a profile with the role (and department), as a hospital system does before targeting it. */
    public static void profile(Actor system, String userId, String role, String department) {
        Map<String, Object> body = department == null ? Map.of("role", role)
                : Map.of("role", role, "department", department);
        system.req().body(body).put("/api/v1/users/" + userId).then().statusCode(anyOf(is(200), is(201)));
    }

    /** Sends a body and returns the response for assertions. */
    public static ValidatableResponse send(Actor sender, Map<String, Object> body) {
        return sender.req().body(body).post("/api/v1/notifications").then();
    }

    /** Sends a notification of the type to named users and returns its id (201 expected). */
    public static String sendTo(Actor sender, String type, String title, String... userIds) {
        return send(sender, Map.of("type", type, "title", title, "content", "body of " + title, "recipients",
                List.of(userIds))).statusCode(201).extract().path("notificationId");
    }
}
