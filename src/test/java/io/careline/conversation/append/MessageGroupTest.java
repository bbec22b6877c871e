package io.careline.conversation.append;

import static io.careline.testing.Conversations.createSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.conversation.MessageContentValidator;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.ValidContent;
import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sends written as one group: each gets the outcome it would get alone, whatever its neighbours in the group
 * are (other tenants, strangers, retries, a send the database rejects).
 */
@QuarkusTest
class MessageGroupTest {
    final String tenant = Tokens.freshTenant();
    final String otherTenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");

    @Inject
    MessageGroupWriter writer;

    @Inject
    SendQueue queue;

    @Inject
    MessageContentValidator contents;

    @BeforeEach
    void sessions() {
        createSession(his, "visit", "consultation", "pat:patient", "dr:doctor");
        his.req().body(Map.of("id", "consult-" + tenant)).post("/api/v1/sessions/visit/topics").then().statusCode(201);
        createSession(Actor.of(otherTenant, "his", "service"), "visit", "consultation", "pat:patient", "dr:doctor");
    }

    @Test
    void everySendInAGroupGetsItsOwnOutcome() {
        PendingSend first = text(tenant, "pat", Role.PATIENT, "visit", "c1", null);
        PendingSend stranger = text(tenant, "eve", Role.PATIENT, "visit", "e1", null);
        PendingSend retryInGroup = text(tenant, "pat", Role.PATIENT, "visit", "c1", null);
        PendingSend reply = text(tenant, "dr", Role.DOCTOR, "visit", "d1", null);
        PendingSend sameIdOtherTenant = text(otherTenant, "pat", Role.PATIENT, "visit", "c1", null);
        PendingSend noSuchSession = text(tenant, "pat", Role.PATIENT, "nowhere", "c2", null);
        PendingSend noSuchTopic = text(tenant, "pat", Role.PATIENT, "visit", "c3", "ghost");

        writer.write(List.of(first, stranger, retryInGroup, reply, sameIdOtherTenant, noSuchSession, noSuchTopic));

        // The topic's begin message is seq 1.
        assertThat(first.outcome().value().seq()).isEqualTo(2);
        assertThat(first.outcome().created()).isTrue();
        assertRefused(stranger, ErrorCode.SESSION_NOT_FOUND);
        assertThat(retryInGroup.outcome().value().seq()).isEqualTo(2);
        assertThat(retryInGroup.outcome().created()).isFalse();
        assertThat(reply.outcome().value().seq()).isEqualTo(3);
        assertThat(sameIdOtherTenant.outcome().value().seq()).isEqualTo(1);
        assertRefused(noSuchSession, ErrorCode.SESSION_NOT_FOUND);
        assertRefused(noSuchTopic, ErrorCode.TOPIC_NOT_FOUND);

        List<Integer> seqs = his.req().get("/api/v1/sessions/visit/messages?afterSeq=0").then().extract()
                .path("items.seq");
        assertThat(seqs).containsExactly(1, 2, 3);
        his.req().get("/api/v1/sessions/visit").then().body("lastSeq", equalTo(3))
                .body("lastMessagePreview", equalTo("text d1"));
        his.req().get("/api/v1/topics/consult-" + tenant).then().body("replied", equalTo(true));
        Actor.of(otherTenant, "his", "service").req().get("/api/v1/sessions/visit").then().body("lastSeq", equalTo(1));
    }

    @Test
    void aSendAlreadyStoredIsAnsweredWithTheStoredMessage() {
        writer.write(List.of(text(tenant, "pat", Role.PATIENT, "visit", "c1", null)));
        PendingSend retry = text(tenant, "pat", Role.PATIENT, "visit", "c1", null);

        writer.write(List.of(retry));

        assertThat(retry.outcome().created()).isFalse();
        assertThat(retry.outcome().value().seq()).isEqualTo(2);
        his.req().get("/api/v1/sessions/visit").then().body("lastSeq", equalTo(2));
    }

    @Test
    void aGroupTheDatabaseRejectsIsWrittenAgainOneByOne() {
        PendingSend good = text(tenant, "pat", Role.PATIENT, "visit", "c1", null);
        // A manager needs no membership, so this send reaches the insert, which refuses a sender id that long.
        PendingSend tooLong = text(tenant, "x".repeat(200), Role.SERVICE, "visit", "c2", null);
        PendingSend alsoGood = text(tenant, "dr", Role.DOCTOR, "visit", "d1", null);

        queue.sendAll(List.of(good, tooLong, alsoGood));

        assertThat(List.of(good, tooLong, alsoGood)).allMatch(PendingSend::answered);
        assertThat(good.outcome().value().seq()).isEqualTo(2);
        assertThatThrownBy(tooLong::outcome).isNotInstanceOf(DomainException.class);
        assertThat(alsoGood.outcome().value().seq()).isEqualTo(3);
        List<String> senders = his.req().get("/api/v1/sessions/visit/messages?afterSeq=1").then().extract()
                .path("items.senderId");
        assertThat(senders).containsExactly("pat", "dr");
    }

    private PendingSend text(String tenantId, String userId, Role role, String sessionId, String clientMsgId,
            String topicId) {
        Caller caller = new Caller(tenantId, userId, Set.of(role), null);
        ValidContent content = contents.validate(MessageType.TEXT,
                JsonNodeFactory.instance.objectNode().put("text", "text " + clientMsgId));
        return new PendingSend(caller, sessionId, MessageType.TEXT, content, topicId, clientMsgId);
    }

    private static void assertRefused(PendingSend send, ErrorCode code) {
        assertThatThrownBy(send::outcome).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
