package io.careline.push.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.push.channel.SendResult;
import io.careline.push.model.Channel;
import io.careline.push.model.ClaimedPush;
import io.careline.push.model.OutboxState;
import io.careline.push.model.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The outbox's result decision as a table: decision and provider answer in, the row's change and kind out. */
class PushOutcomeTest {
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);
    private static final Duration DELAY = Duration.ofSeconds(40);
    private static final int MAX_ATTEMPTS = 3;

    static Stream<Arguments> table() {
        return Stream.of(
                // name, decision, provider's answer, attempt, kind, row
                Arguments.of("deferred by consultation hours", deferred(1), null, PushOutcome.Kind.DEFERRED,
                        new OutboxStore.Deferred(7, 1, LATER)),
                Arguments.of("skipped before sending", skipped(1, "read"), null, PushOutcome.Kind.SKIPPED,
                        new OutboxStore.Finished(7, 1, OutboxState.SKIPPED, "read", null)),
                Arguments.of("delivered", sending(1), SendResult.delivered(), PushOutcome.Kind.DELIVERED,
                        new OutboxStore.Finished(7, 1, OutboxState.SENT, "delivered", null)),
                Arguments.of("retried while attempts are left", sending(2), SendResult.retry("503"),
                        PushOutcome.Kind.RETRIED, new OutboxStore.Rescheduled(7, 2, NOW.plus(DELAY), "503")),
                Arguments.of("exhausted on the last attempt", sending(3), SendResult.retry("503"),
                        PushOutcome.Kind.EXHAUSTED,
                        new OutboxStore.Finished(7, 3, OutboxState.DEAD, "attempts_exhausted", "503")),
                Arguments.of("refused by the provider", sending(1), SendResult.dead("InvalidPayload"),
                        PushOutcome.Kind.DEAD, new OutboxStore.Finished(7, 1, OutboxState.DEAD, "refused",
                                "InvalidPayload")),
                Arguments.of("killed before sending", killed(1, "channel_off"), null, PushOutcome.Kind.DEAD,
                        new OutboxStore.Finished(7, 1, OutboxState.DEAD, "channel_off", "channel_off")),
                Arguments.of("the device's token is gone", sending(1), SendResult.gone("Unregistered"),
                        PushOutcome.Kind.GONE, new OutboxStore.Finished(7, 1, OutboxState.DEAD, "device_gone",
                                "Unregistered")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesTheRowAndTheKind(String name, PushDispatcher.Decision decision, SendResult answer,
            PushOutcome.Kind kind, OutboxStore.Result row) {
        PushOutcome outcome = PushOutcome.of(decision, answer, MAX_ATTEMPTS, NOW, attempt -> DELAY);
        assertThat(outcome.kind()).isEqualTo(kind);
        assertThat(outcome.row()).isEqualTo(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void onlyDeadEndsCountAsFailedAndOnlyAttemptsAreMetered(String name, PushDispatcher.Decision decision,
            SendResult answer, PushOutcome.Kind kind, OutboxStore.Result row) {
        assertThat(kind.failed()).isEqualTo(row instanceof OutboxStore.Finished finished
                && finished.state() == OutboxState.DEAD);
        assertThat(kind.meterOutcome() == null).isEqualTo(row instanceof OutboxStore.Deferred);
    }

    private static ClaimedPush push(int attempt) {
        return new ClaimedPush(7, "h1", "u1", Channel.FCM, "p-7", "message", "s1", 1L, 4L, "message", "{}", null, 0,
                "normal", attempt, NOW.minusSeconds(5), new ClaimedPush.Target(3, "token", "en", null));
    }

    private static PushDispatcher.Decision sending(int attempt) {
        return new PushDispatcher.Decision(push(attempt), null, null, null, null);
    }

    private static PushDispatcher.Decision deferred(int attempt) {
        return new PushDispatcher.Decision(push(attempt), null, null, null, LATER);
    }

    private static PushDispatcher.Decision skipped(int attempt, String reason) {
        return PushDispatcher.Decision.skip(push(attempt), reason);
    }

    private static PushDispatcher.Decision killed(int attempt, String reason) {
        return PushDispatcher.Decision.kill(push(attempt), reason);
    }
}
