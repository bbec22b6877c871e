package io.careline.push.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.conversation.api.MemberState;
import io.careline.push.model.Channel;
import io.careline.push.model.ClaimedPush;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The dispatcher's send-time decision as a table: who no longer wants a push, and why. */
class StillWantedTest {
    private static final long SESSION = 11;
    private static final long SEQ = 5;

    static Stream<Arguments> table() {
        MemberState member = new MemberState(SESSION, "u1", "patient", false, true, true, SEQ - 1);
        return Stream.of(
                Arguments.of("an offline member's unread message goes", message(Channel.FCM), nobody(member), null),
                Arguments.of("an online user gets no push", message(Channel.FCM), online(member), "online"),
                Arguments.of("the hospital's webhook goes even while the user is online", message(Channel.WEBHOOK),
                        online(member), null),
                Arguments.of("a member who left", message(Channel.FCM), nobody(
                        new MemberState(SESSION, "u1", "patient", false, false, true, 0)), "left"),
                Arguments.of("a recipient who is no member at all", message(Channel.FCM),
                        new StillWanted(Set.of(), Map.of(), Set.of(), Set.of(), Set.of()), "left"),
                Arguments.of("a closed session", message(Channel.FCM), nobody(
                        new MemberState(SESSION, "u1", "patient", false, true, false, 0)), "closed"),
                Arguments.of("a muted session", message(Channel.FCM), nobody(
                        new MemberState(SESSION, "u1", "patient", true, true, true, 0)), "muted"),
                Arguments.of("a message read meanwhile", message(Channel.FCM), nobody(
                        new MemberState(SESSION, "u1", "patient", false, true, true, SEQ)), "read"),
                Arguments.of("an unread notification goes", notification("normal"),
                        new StillWanted(Set.of(), Map.of(), Set.of(StillWanted.unreadKey("n1", "u1")), Set.of(), Set.of()),
                        null),
                Arguments.of("a notification read meanwhile", notification("normal"),
                        new StillWanted(Set.of(), Map.of(), Set.of(), Set.of(), Set.of()), "read"),
                Arguments.of("quiet hours hold a notification back", notification("normal"),
                        new StillWanted(Set.of(), Map.of(), Set.of(StillWanted.unreadKey("n1", "u1")),
                                Set.of(StillWanted.silenceKey("exam_result", "normal", "u1")), Set.of()), "quiet_hours"),
                Arguments.of("quiet hours for another priority do not", notification("urgent"),
                        new StillWanted(Set.of(), Map.of(), Set.of(StillWanted.unreadKey("n1", "u1")),
                                Set.of(StillWanted.silenceKey("exam_result", "normal", "u1")), Set.of()), null),
                Arguments.of("an escalation's text goes while the copy is unacknowledged, online and read",
                        escalation(Channel.SMS), new StillWanted(Set.of("u1"), Map.of(), Set.of(), Set.of(),
                                Set.of(StillWanted.unreadKey("n1", "u1"))), null),
                Arguments.of("an escalation's email is held back once the copy is acknowledged",
                        escalation(Channel.EMAIL), new StillWanted(Set.of(), Map.of(),
                                Set.of(StillWanted.unreadKey("n1", "u1")), Set.of(), Set.of()), "acknowledged"),
                Arguments.of("a new consultation ignores quiet hours (consultation hours rule it)", consultation(),
                        new StillWanted(Set.of(), Map.of(), Set.of(),
                                Set.of(StillWanted.silenceKey("exam_result", "normal", "u1")), Set.of()), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesWhetherThePushIsStillWanted(String name, ClaimedPush push, StillWanted wanted, String reason) {
        assertThat(wanted.skipReason(push, "exam_result")).isEqualTo(reason);
    }

    private static StillWanted nobody(MemberState member) {
        return new StillWanted(Set.of(), Map.of(StillWanted.memberKey(SESSION, "u1"), member), Set.of(), Set.of(), Set.of());
    }

    private static StillWanted online(MemberState member) {
        return new StillWanted(Set.of("u1"), Map.of(StillWanted.memberKey(SESSION, "u1"), member), Set.of(),
                Set.of(), Set.of());
    }

    private static ClaimedPush message(Channel channel) {
        return push(channel, PushEnqueuer.MESSAGE, "s1", "normal");
    }

    private static ClaimedPush notification(String priority) {
        return push(Channel.APNS, PushEnqueuer.NOTIFICATION, "n1", priority);
    }

    private static ClaimedPush escalation(Channel channel) {
        return push(channel, PushEnqueuer.NOTIFICATION, "n1", "urgent");
    }

    private static ClaimedPush consultation() {
        return push(Channel.FCM, PushEnqueuer.CONSULTATION, "c1", "normal");
    }

    private static ClaimedPush push(Channel channel, String cause, String causeRef, String priority) {
        return new ClaimedPush(1, "h1", "u1", channel, "p-1", cause, causeRef, SESSION, SEQ, cause, "{}", null, 0,
                priority, 1, Instant.parse("2026-12-05T08:00:00Z"), new ClaimedPush.Target(3, "token", "en", null));
    }
}
