package io.careline.realtime.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Failure;
import io.careline.common.problem.Problem;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.event.SessionChanged;
import io.careline.conversation.event.TopicChanged;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.api.NotificationView;
import io.careline.realtime.fanout.NotificationCopies;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The JSON of every server frame: its type first-class, its fields named as docs/protocol.md says. */
class ServerFrameJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.123456Z");
    private static final MessageView MESSAGE = new MessageView("s-1", 7, "dr", "text", "{\"text\":\"hi\"}", "t-1",
            "c-1", AT, null, null, null, null, null, null, null);

    private static JsonNode json(ServerFrame frame) {
        try {
            return JSON.readTree(JSON.writeValueAsString(frame));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyFrameHasItsDocumentedFields() {
        assertThat(fields(json(ServerFrame.Ack.of(MESSAGE)))).containsExactlyInAnyOrder("type", "clientMsgId",
                "sessionId", "seq", "createdAt");
        JsonNode message = json(ServerFrame.Message.of(MESSAGE));
        assertThat(fields(message)).containsExactlyInAnyOrder("type", "sessionId", "seq", "senderId", "msgType",
                "content", "topicId", "clientMsgId", "createdAt");
        assertThat(message.at("/content/text").asText()).as("content is the stored object, not a string")
                .isEqualTo("hi");
        assertThat(fields(json(ServerFrame.Read.of("s-1", "u", 3)))).containsExactlyInAnyOrder("type", "sessionId",
                "userId", "seq");
        assertThat(fields(json(ServerFrame.Typing.of("s-1", "u")))).containsExactlyInAnyOrder("type", "sessionId",
                "userId");
        assertThat(fields(json(ServerFrame.Presence.of("u", true)))).containsExactlyInAnyOrder("type", "userId",
                "online");
        assertThat(json(ServerFrame.SessionEvent.of(new SessionChanged("t", 1, "s-1",
                SessionChanged.Change.PARTICIPANTS_CHANGED, List.of(), null))).get("event").asText())
                .isEqualTo("participants_changed");
        assertThat(fields(json(ServerFrame.TopicEvent.of(new TopicChanged("t", 1, "s-1", "t-1",
                TopicChanged.Change.REPLIED, null))))).containsExactlyInAnyOrder("type", "sessionId", "topicId", "event");
        assertThat(fields(json(ServerFrame.Synced.of(null, List.of(new ServerFrame.Synced.SessionPosition("s-1", 7,
                false, null)), null)))).as("no id when the sync had none").containsExactlyInAnyOrder("type", "sessions");
        assertThat(fields(json(ServerFrame.Pong.of(null)))).containsExactly("type");
        JsonNode welcome = json(ServerFrame.Welcome.of("c", "u", 30_000, new ServerFrame.Welcome.Limits(65_536, 20,
                40, 16_384)));
        assertThat(fields(welcome)).containsExactlyInAnyOrder("type", "connectionId", "userId", "serverTime",
                "heartbeatMillis", "limits");
        assertThat(fields(welcome.get("limits"))).containsExactlyInAnyOrder("maxFrameBytes", "framesPerSecond",
                "frameBurst", "maxContentBytes");
    }

    @Test
    void aRecipientsCopyOfANotificationIsTheWholeFrameWithTheirNseqAndSilence() throws Exception {
        NotificationView notification = new NotificationView("n-1", "exam_result", "CT", "Result is out",
                NotificationPriority.HIGH, "{\"examId\":\"E789\"}", "his", AT, null, null, null, null, null, null,
                null, null, null, null);
        String shared = JSON.writeValueAsString(ServerFrame.Notification.shared(notification));
        String copy = NotificationCopies.copy(shared, 42, true);
        assertThat(JSON.readTree(copy)).isEqualTo(json(ServerFrame.Notification.of(notification, 42L, true)));
        assertThat(fields(JSON.readTree(copy))).containsExactlyInAnyOrder("type", "nseq", "silent", "id",
                "notificationType", "title", "body", "priority", "metadata", "senderId", "createdAt");
        assertThat(JSON.readTree(copy).at("/metadata/examId").asText()).isEqualTo("E789");
    }

    @Test
    void eachFrameNamesItsType() {
        assertThat(json(ServerFrame.Ack.of(MESSAGE)).get("type").asText()).isEqualTo("ack");
        assertThat(json(ServerFrame.Message.of(MESSAGE)).get("type").asText()).isEqualTo("message");
        assertThat(json(ServerFrame.Synced.of("y", List.of(), null)).get("type").asText()).isEqualTo("synced");
        assertThat(json(ServerFrame.Error.of(ErrorCode.RATE_LIMITED, "slow down", "c-1")).get("type").asText())
                .isEqualTo("error");
    }

    @Test
    void aRefusalCarriesItsRefFieldsAndWhetherToRetry() {
        JsonNode error = json(ServerFrame.Error.of(new Failure(ErrorCode.VALIDATION_FAILED, "bad",
                List.of(new Problem.FieldError("seq", "must be 0 or more")), null), "r-1"));
        assertThat(fields(error)).containsExactlyInAnyOrder("type", "code", "message", "ref", "errors", "retryable");
        assertThat(error.at("/errors/0/field").asText()).isEqualTo("seq");
        assertThat(error.get("retryable").asBoolean()).isFalse();
        assertThat(json(ServerFrame.Error.of(ErrorCode.OVERLOADED, "later", "c-1")).get("retryable").asBoolean())
                .isTrue();
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithTheRefAndATraceId() {
        JsonNode error = json(ServerFrame.Error.of(Failure.of(new IllegalStateException("boom"), "a test"), "c-9"));
        assertThat(error.get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.get("ref").asText()).isEqualTo("c-9");
        assertThat(error.get("retryable").asBoolean()).isTrue();
        assertThat(error.get("traceId").asText()).hasSize(36);
        assertThat(error.get("message").asText()).contains(error.get("traceId").asText()).doesNotContain("boom");
    }
}
