package io.careline.common.problem;

import static io.careline.testing.Conversations.createSession;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every malformed request answers problem+json with a stable code, and changes nothing. */
@QuarkusTest
class BadInputTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");

    @Test
    void malformedJsonIsABadRequest() {
        his.req().body("{\"type\": \"group\", ").post("/api/v1/sessions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"))
                .body("type", equalTo("https://careline.dev/errors/malformed-json"))
                .body("instance", equalTo("/api/v1/sessions"));
    }

    @Test
    void unknownFieldsAndWrongTypesNameTheField() {
        his.req().body(Map.of("type", "group", "participants", List.of(Map.of("userId", "a")), "colour", "red"))
                .post("/api/v1/sessions").then().statusCode(400).body("errors[0].field", equalTo("colour"));
        his.req().body(Map.of("type", "group", "participants", "everyone")).post("/api/v1/sessions").then()
                .statusCode(400).body("errors[0].field", equalTo("participants"));
    }

    @Test
    void constraintViolationsListEveryField() {
        his.req().body(Map.of("id", "bad id!", "type", "group", "name", "n".repeat(129), "participants", List.of()))
                .post("/api/v1/sessions").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("participants"));
        his.req().get("/api/v1/sessions/bad id!").then().statusCode(404);
    }

    @Test
    void pageSizesAndCursorsOutsideTheLimitsAreRefused() {
        his.req().get("/api/v1/sessions?limit=101").then().statusCode(400).body("code", equalTo("LIMIT_EXCEEDED"))
                .body("detail", equalTo("limit must be between 1 and 100."));
        his.req().get("/api/v1/sessions?limit=0").then().statusCode(400);
        his.req().get("/api/v1/sessions?cursor=not-a-cursor").then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
        createSession(his, "paging", "group", "his:service");
        his.req().get("/api/v1/sessions/paging/messages?limit=1000").then().statusCode(400);
        his.req().get("/api/v1/sessions/paging/messages?afterSeq=-1").then().statusCode(400)
                .body("errors[0].field", equalTo("afterSeq"));
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        his.req().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        his.req().delete("/api/v1/sessions").then().statusCode(405).body("code", equalTo("METHOD_NOT_ALLOWED"));
        his.req().contentType("text/plain").body("hi").post("/api/v1/sessions").then().statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void aBodyOverTheLimitIsAProblemWhetherItsLengthIsDeclaredOrNot() {
        byte[] body = ("{\"name\":\"" + "n".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        his.req().body(body).post("/api/v1/sessions").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
        his.req().body(new ByteArrayInputStream(body)).post("/api/v1/sessions").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void problemsCarryNoInternals() {
        his.req().body("[1,2").post("/api/v1/sessions").then()
                .body("detail", startsWith("The request body could not be parsed"));
    }
}
