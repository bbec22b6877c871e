package io.careline.common.security;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Identifiers compare exactly: a user or tenant id that differs from another only in letter case, accents or
 * width is someone else, and one that starts or ends with white space is no identifier at all.
 */
@QuarkusTest
class ExactIdentityTest {
    final String tenant = "h1-" + Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-wang", "doctor");

    @ParameterizedTest
    @ValueSource(strings = { "Dr-Wang", "DR-WANG", "dr-wáng", "ｄｒ-ｗａｎｇ" })
    void aSubjectThatOnlyLooksTheSameReadsNothing(String lookalike) {
        createSession(his, "s-" + lookalike.hashCode(), "consultation", "dr-wang:doctor", "pat:patient");
        sendText(doctor, "s-" + lookalike.hashCode(), "for dr-wang only");
        Actor impostor = Actor.of(tenant, lookalike, "doctor");
        impostor.req().get("/api/v1/sessions/s-{id}", lookalike.hashCode()).then().statusCode(404);
        impostor.req().get("/api/v1/sessions/s-{id}/messages", lookalike.hashCode()).then().statusCode(404);
        impostor.req().get("/api/v1/sessions").then().statusCode(200).body("items", empty());
        impostor.req().get("/api/v1/me").then().body("userId", equalTo(lookalike));
    }

    @ParameterizedTest
    @ValueSource(strings = { "H1-", "ｈ１-" })
    void aTenantThatOnlyLooksTheSameIsAnotherTenant(String prefix) {
        String sessionId = "t-" + prefix.hashCode();
        createSession(his, sessionId, "consultation", "dr-wang:doctor", "pat:patient");
        Actor sameNameOtherTenant = Actor.of(prefix + tenant.substring(3), "dr-wang", "doctor");
        sameNameOtherTenant.req().get("/api/v1/sessions/{id}", sessionId).then().statusCode(404);
        sameNameOtherTenant.req().get("/api/v1/sessions").then().body("items", empty());
        doctor.req().get("/api/v1/sessions/{id}", sessionId).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dr-wang ", " dr-wang", "dr-wang\u00a0", "dr-wang\u3000" })
    void subjectsWithWhiteSpaceAtAnEndAreRefused(String padded) {
        Actor.of(tenant, padded, "doctor").req().get("/api/v1/sessions").then().statusCode(401)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sub"))
                .body("errors[0].message", equalTo("must not start or end with white space"));
    }

    @Test
    void subjectsWithControlCharactersAreRefused() {
        Actor.of(tenant, "dr-wang\tx", "doctor").req().get("/api/v1/sessions").then().statusCode(401)
                .body("errors[0].message", equalTo("must not contain control characters"));
    }

    @Test
    void aTenantWithATrailingSpaceIsRefused() {
        Actor.of(tenant + " ", "dr-wang", "doctor").req().get("/api/v1/sessions").then().statusCode(401)
                .body("errors[0].field", equalTo("tenant"));
    }

    @Test
    void userIdsInBodiesAndPathsFollowTheSameRule() {
        his.req().body("{\"type\":\"group\",\"participants\":[{\"userId\":\"dr-wang \"}]}").post("/api/v1/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("participants[0].userId"));
        his.req().body("{\"role\":\"doctor\"}").put("/api/v1/users/{id}", "dr-wang ").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        his.req().get("/api/v1/users/{id}", "dr-wang ").then().statusCode(404);
    }
}
