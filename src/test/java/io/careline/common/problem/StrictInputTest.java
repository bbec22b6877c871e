package io.careline.common.problem;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSON types are strict, text must be valid Unicode and numeric query parameters must be numbers: anything
 * else is a 400 naming the field, and a refused request leaves nothing behind.
 */
@QuarkusTest
class StrictInputTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr", "doctor");

    private void refused(String path, String body, String field) {
        his.req().body(body).post(path).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo(field))
                .body("retryable", equalTo(false));
    }

    @Test
    void aNumberIsNoString() {
        refused("/api/v1/sessions", "{\"id\":\"s1\",\"type\":\"group\",\"name\":5,\"participants\":[{\"userId\":\"dr\"}]}",
                "name");
        refused("/api/v1/sessions", "{\"id\":\"s1\",\"type\":\"group\",\"participants\":[{\"userId\":7}]}",
                "participants[0].userId");
        refused("/api/v1/sessions", "{\"id\":true,\"type\":\"group\",\"participants\":[{\"userId\":\"dr\"}]}", "id");
        his.req().get("/api/v1/sessions/s1").then().statusCode(404);
    }

    @Test
    void anEnumIsNoNumber() {
        refused("/api/v1/sessions", "{\"id\":\"s2\",\"type\":1,\"participants\":[{\"userId\":\"dr\"}]}", "type");
        refused("/api/v1/sessions",
                "{\"id\":\"s2\",\"type\":\"group\",\"participants\":[{\"userId\":\"dr\",\"role\":0}]}",
                "participants[0].role");
        his.req().get("/api/v1/sessions/s2").then().statusCode(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "{\"seq\":\"1\"}", "{\"seq\":1.5}", "{\"seq\":true}", "{\"seq\":1e0}" })
    void aReadPositionIsAnInteger(String body) {
        createSession(his, "reads", "group", "dr:doctor", "his:service");
        sendText(his, "reads", "one");
        doctor.req().body(body).post("/api/v1/sessions/reads/read").then().statusCode(400)
                .body("errors[0].field", equalTo("seq"));
        doctor.req().get("/api/v1/sessions/reads").then().body("unread", equalTo(1));
    }

    @Test
    void textThatIsNotUnicodeIsRefusedAndStoresNothing() {
        createSession(his, "uni", "group", "dr:doctor", "his:service");
        doctor.req().body("{\"type\":\"text\",\"content\":{\"text\":\"a\\ud800b\"},\"clientMsgId\":\"c1\"}")
                .post("/api/v1/sessions/uni/messages").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("content.text"));
        doctor.req().body("{\"type\":\"text\",\"content\":{\"\\udc00\":\"x\",\"text\":\"ok\"}}")
                .post("/api/v1/sessions/uni/messages").then().statusCode(400).body("errors[0].field", equalTo("content"));
        doctor.req().get("/api/v1/sessions/uni/messages").then().body("items", empty());
        // A retry of the refused send is a first send, not a replay of a stored one.
        doctor.req().body("{\"type\":\"text\",\"content\":{\"text\":\"ab\"},\"clientMsgId\":\"c1\"}")
                .post("/api/v1/sessions/uni/messages").then().statusCode(201).body("seq", equalTo(1));
        refused("/api/v1/sessions", "{\"id\":\"uni2\",\"type\":\"group\",\"name\":\"x\\ud83d\","
                + "\"participants\":[{\"userId\":\"dr\"}]}", "name");
        refused("/api/v1/sessions", "{\"id\":\"uni3\",\"type\":\"group\",\"participants\":[{\"userId\":\"d\\udfffr\"}]}",
                "participants[0].userId");
        his.req().get("/api/v1/sessions/uni2").then().statusCode(404);
        his.req().get("/api/v1/sessions/uni3").then().statusCode(404);
    }

    @Test
    void pairedSurrogatesAreUnicodeAndAccepted() {
        createSession(his, "emoji", "group", "dr:doctor", "his:service");
        doctor.req().body("{\"type\":\"text\",\"content\":{\"text\":\"\\ud83d\\ude00\"}}")
                .post("/api/v1/sessions/emoji/messages").then().statusCode(201);
        doctor.req().get("/api/v1/sessions/emoji/messages/1").then().body("content.text", equalTo("😀"));
    }

    @ParameterizedTest
    @CsvSource({ "limit=abc, limit", "limit=1.5, limit", "afterSeq=9223372036854775808, afterSeq",
            "beforeSeq=x, beforeSeq", "afterSeq=-1, afterSeq" })
    void numericQueryParametersOfTheWrongTypeAreBadRequests(String query, String parameter) {
        createSession(his, "q", "group", "his:service");
        his.req().get("/api/v1/sessions/q/messages?" + query).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo(parameter));
        his.req().get("/api/v1/sessions?" + query.replace("afterSeq", "limit").replace("beforeSeq", "limit"))
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
