package io.careline.push.outbox;

import io.careline.conversation.api.MemberState;
import io.careline.push.model.ClaimedPush;
import java.util.Map;
import java.util.Set;

/**
 * Whether a claimed push is still wanted as it leaves, judged from what the batch read once (pure): the user
 * may be online, have left, muted, read it, or be in quiet hours. An escalation's SMS or email goes while the
 * copy is unacknowledged, online or read.
 *
 * @param online the users with a live connection
 * @param members message recipients' membership, by {@link #memberKey}
 * @param unread notification copies still unread, by {@link #unreadKey}
 * @param silenced users in quiet hours or with the type switched off, by {@link #silenceKey}
 * @param unacknowledged notification copies not acknowledged yet, by {@link #unreadKey}
 */
record StillWanted(Set<String> online, Map<String, MemberState> members, Set<String> unread, Set<String> silenced,
        Set<String> unacknowledged) {

    /** Why the push is no longer wanted, or null; {@code type} is the notification type it is judged by. */
    String skipReason(ClaimedPush push, String type) {
        if (push.channel().toDevices() && online.contains(push.userId())) {
            return "online";
        }
        if (push.channel().toContact()) {
            return unacknowledged.contains(unreadKey(push.causeRef(), push.userId())) ? null : "acknowledged";
        }
        if (PushEnqueuer.MESSAGE.equals(push.cause())) {
            String member = memberSkipReason(members.get(memberKey(push.sessionPk(), push.userId())), push.causeSeq());
            if (member != null) {
                return member;
            }
        }
        if (PushEnqueuer.NOTIFICATION.equals(push.cause()) && !unread.contains(unreadKey(push.causeRef(),
                push.userId()))) {
            return "read";
        }
        if (!PushEnqueuer.CONSULTATION.equals(push.cause())
                && silenced.contains(silenceKey(type, push.priority(), push.userId()))) {
            return "quiet_hours";
        }
        return null;
    }

    private static String memberSkipReason(MemberState member, long seq) {
        if (member == null || !member.active()) {
            return "left";
        }
        if (!member.sessionOpen()) {
            return "closed";
        }
        if (member.muted()) {
            return "muted";
        }
        return member.lastReadSeq() >= seq ? "read" : null;
    }

    static String memberKey(long sessionPk, String userId) {
        return sessionPk + "\n" + userId;
    }

    static String silenceKey(String type, String priority, String userId) {
        return type + "\n" + priority + "\n" + userId;
    }

    static String unreadKey(String notificationId, String userId) {
        return notificationId + "\n" + userId;
    }
}
