package io.careline.support;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Desks, their agents and customers' external identities: who manages them, who sees them, what is refused. */
@QuarkusTest
class SupportDeskTest {
    final String tenant = Tokens.freshTenant();
    final Actor admin = Actor.of(tenant, "admin-s", "admin");
    final Actor agent = Actor.of(tenant, "agent-a", "agent");

    @Test
    void adminsManageDesksAndAgentsWhoWorkThereSeeThem() {
        Desks.desk(admin, "billing", "manual", 3, null, "agent-a", "sup-b");
        admin.req().body(Map.of("name", "Billing desk", "assistantId", "billing-assistant", "capacity", 4))
                .put("/api/v1/support/desks/billing").then().statusCode(200).body("capacity", is(4))
                .body("routing", is("manual"));
        agent.req().get("/api/v1/support/desks").then().statusCode(200).body("deskId", contains("billing"));
        agent.req().get("/api/v1/support/desks/billing/agents").then().statusCode(200)
                .body("agentId", contains("agent-a", "sup-b")).body("supervisor", contains(false, true))
                .body("status", contains("offline", "offline"));
        Actor.of(tenant, "agent-x", "agent").req().get("/api/v1/support/desks").then().body("$", hasSize(0));
        Actor.of(tenant, "agent-x", "agent").req().get("/api/v1/support/desks/billing").then().statusCode(404)
                .body("code", is("DESK_NOT_FOUND"));
        Actor.of(tenant, "pat-1", "patient").req().get("/api/v1/support/queue?deskId=billing").then().statusCode(404);
        Actor.of(Tokens.freshTenant(), "admin-s", "admin").req().get("/api/v1/support/desks/billing").then()
                .statusCode(404);
        admin.req().delete("/api/v1/support/desks/billing/agents/sup-b").then().statusCode(204);
        agent.req().get("/api/v1/support/desks/billing/agents").then().body("agentId", contains("agent-a"));
    }

    @Test
    void onlyManagersChangeDesksAndBadDesksAreRefused() {
        Map<String, Object> desk = Map.of("name", "Desk", "assistantId", "assistant");
        agent.req().body(desk).put("/api/v1/support/desks/d1").then().statusCode(403);
        Actor.of(tenant, "pat-1", "patient").req().body(desk).put("/api/v1/support/desks/d1").then().statusCode(403);
        admin.req().body(Map.of("name", "Desk", "assistantId", "assistant", "routing", "random"))
                .put("/api/v1/support/desks/d1").then().statusCode(400);
        admin.req().body(Map.of("name", "Desk", "assistantId", "assistant", "capacity", 0))
                .put("/api/v1/support/desks/d1").then().statusCode(400);
        admin.req().body(Map.of("name", "Desk", "assistantId", "assistant", "capacity", "5"))
                .put("/api/v1/support/desks/d1").then().statusCode(400);
        admin.req().body(Map.of("name", " ", "assistantId", "assistant")).put("/api/v1/support/desks/d1").then()
                .statusCode(400);
        admin.req().get("/api/v1/support/desks").then().body("$", hasSize(0));
        admin.req().body(Map.of("supervisor", true)).put("/api/v1/support/desks/none/agents/agent-a").then()
                .statusCode(404);
    }

    @Test
    void aPlatformsUserIsOneCarelineUserAndTheirTokenMayCarryThePair() {
        Actor his = Actor.of(tenant, "his", "service");
        his.req().body(Map.of("nickname", "Lucky", "avatarUrl", "https://cdn.example/a.png"))
                .put("/api/v1/support/identities/1/1094").then().statusCode(200).body("userId", is("ext:1:1094"))
                .body("nickname", is("Lucky"));
        // The same platform user id on another platform is someone else.
        his.req().body(Map.of("nickname", "Other")).put("/api/v1/support/identities/2/1094").then()
                .body("userId", is("ext:2:1094"));
        his.req().get("/api/v1/support/identities/1/1094").then().statusCode(200).body("avatarUrl",
                is("https://cdn.example/a.png"));
        agent.req().body(Map.of("nickname", "x")).put("/api/v1/support/identities/1/1095").then().statusCode(403);
        his.req().body(Map.of("nickname", "x")).put("/api/v1/support/identities/a:b/1").then().statusCode(400);
        his.req().body(Map.of("avatarUrl", "ftp://x")).put("/api/v1/support/identities/1/1096").then().statusCode(400);
        his.req().get("/api/v1/support/identities/1/9999").then().statusCode(404);

        Desks.desk(admin, "shop", "manual", 3, null, "agent-a");
        String customerToken = Jwt.issuer(Tokens.ISSUER).claim("tenant", tenant).claim("platform", "1")
                .claim("platform_user_id", "1094").groups("patient").expiresIn(Duration.ofMinutes(5))
                .sign(Tokens.devKey());
        RestAssured.given().auth().oauth2(customerToken).contentType(ContentType.JSON).body(Map.of("deskId", "shop"))
                .post("/api/v1/support/rooms").then().statusCode(201).body("customerId", is("ext:1:1094"));
        agent.req().get("/api/v1/support/queue?deskId=shop").then().body("items[0].customerName", is("Lucky"));
        String both = Jwt.issuer(Tokens.ISSUER).subject("someone").claim("tenant", tenant).claim("platform", "1")
                .claim("platform_user_id", "1094").expiresIn(Duration.ofMinutes(5)).sign(Tokens.devKey());
        RestAssured.given().auth().oauth2(both).get("/api/v1/support/rooms").then().statusCode(401);
        String badPlatform = Jwt.issuer(Tokens.ISSUER).claim("tenant", tenant).claim("platform", "a:b")
                .claim("platform_user_id", "1").expiresIn(Duration.ofMinutes(5)).sign(Tokens.devKey());
        RestAssured.given().auth().oauth2(badPlatform).get("/api/v1/support/rooms").then().statusCode(401);
        RestAssured.given().auth().oauth2(customerToken).get("/api/v1/support/rooms").then().statusCode(200)
                .body("items", hasSize(1));
    }
}
