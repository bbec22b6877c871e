package io.careline.conversation.append;

import io.agroal.api.AgroalDataSource;
import io.careline.common.Outcome;
import io.careline.common.SqlMarks;
import io.careline.common.SqlTime;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Role;
import io.careline.common.wire.CodedEnum;
import io.careline.conversation.Access;
import io.careline.conversation.SessionAccess;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.api.SessionType;
import io.careline.conversation.event.MessageStored;
import io.careline.conversation.event.TopicChanged;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.Participant;
import io.careline.conversation.model.Session;
import io.careline.conversation.model.SessionRow;
import io.careline.conversation.model.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a group of sends in one transaction with a handful of statements for the whole group: lock the
 * group's sessions, read their members and the earlier copies of retried sends, insert the new messages in
 * one multi-row insert and update each session's summary once. Each send gets its own outcome: its message,
 * the earlier copy of a retry, or a refusal that concerns it alone and writes nothing.
 */
@ApplicationScoped
class MessageGroupWriter {
    /** Locks in the unique index's order, so two groups never wait for each other in a cycle. */
    private static final String LOCK_SESSIONS = """
            SELECT s.pk, s.public_id, s.status, s.last_seq, s.open_topic_id, t.replied, s.type
            FROM sessions s LEFT JOIN topics t ON t.tenant_id = s.tenant_id AND t.public_id = s.open_topic_id
            WHERE s.tenant_id = ? AND s.public_id IN (%s) FOR UPDATE""";
    private static final String MEMBERS = """
            SELECT session_pk, pk, user_id, role, left_at, left_seq, last_read_seq, send_blocked FROM participants
            WHERE session_pk IN (%s) ORDER BY pk""";
    /** One exact key per retried send, so the unique index answers each with one lookup. */
    private static final String RETRIED = """
            SELECT session_pk, sender_id, client_msg_id, seq, type, content, topic_id, created_at FROM messages
            WHERE %s""";
    private static final String RETRIED_KEY = "(session_pk = ? AND sender_id = ? AND client_msg_id = ?)";
    private static final String TOPIC_EXISTS = "SELECT 1 FROM topics WHERE session_pk = ? AND public_id = ?";
    private static final String MARK_REPLIED = """
            UPDATE topics SET replied = TRUE, first_reply_at = ?
            WHERE session_pk = ? AND public_id = ? AND replied = FALSE AND status = 'OPEN'""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<MessageStored> stored;

    @Inject
    Event<TopicChanged> topicChanges;

    /** A session of the group, locked, with its members and what the group appends to it. */
    private static final class LockedSession {
        final Session session = new Session();
        boolean topicReplied;
        final List<Participant> members = new ArrayList<>();
        Message newest;
        String newestPreview;

        Participant member(String userId) {
            return members.stream().filter(m -> m.userId.equals(userId)).findFirst().orElse(null);
        }

        private List<String> recipients;

        /** The active members, once per session however many of the group's messages go to it. */
        List<String> recipients() {
            if (recipients == null) {
                recipients = members.stream().filter(Participant::isActive).map(m -> m.userId).toList();
            }
            return recipients;
        }
    }

    private record SessionKey(String tenant, String publicId) {
    }

    private record RetryKey(long sessionPk, String senderId, String clientMsgId) {
    }

    /** A message this group appends, and whether it is the first clinician reply in its topic. */
    private record Appended(PendingSend send, LockedSession locked, Message message, boolean replies) {
    }

    /** Sets every send's outcome; throws (and stores nothing) only when the group as a whole failed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void write(List<PendingSend> group) {
        List<Appended> appended = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Map<SessionKey, LockedSession> sessions = lock(connection, group);
            readMembers(connection, sessions.values());
            Map<RetryKey, Message> earlier = storedRetries(connection, group, sessions);
            for (PendingSend send : group) {
                try {
                    admit(connection, send, sessions, earlier).ifPresent(appended::add);
                } catch (DomainException refused) {
                    send.refuse(refused);
                }
            }
            insert(connection, appended);
            summarize(connection, sessions.values());
            markReplies(connection, appended);
        } catch (SQLException e) {
            throw new IllegalStateException("writing a group of messages failed", e);
        }
        // Observers deliver only after commit, in seq order: nobody hears of a message not stored.
        for (Appended each : appended) {
            Session session = each.locked.session;
            String origin = each.send.caller.connectionId();
            stored.fire(new MessageStored(session.tenantId, session.pk, session.type, MessageView.of(session.publicId,
                    each.message), each.message.type.author(), each.locked.recipients(), origin));
            if (each.replies) {
                topicChanges.fire(new TopicChanged(session.tenantId, session.pk, session.publicId,
                        each.message.topicId, TopicChanged.Change.REPLIED, origin));
            }
        }
    }

    /** Checks one send against its locked session; the message it appends, or empty for a retry. */
    private Optional<Appended> admit(Connection connection, PendingSend send, Map<SessionKey, LockedSession> sessions,
            Map<RetryKey, Message> earlier) throws SQLException {
        LockedSession locked = sessions.get(new SessionKey(send.caller.tenant(), send.sessionId));
        Optional<SessionRow> row = Optional.ofNullable(locked)
                .map(l -> new SessionRow(l.session, l.member(send.caller.userId())));
        Access admitted = SessionAccess.admit(send.caller, row, SessionAccess.Need.SEND);
        Session session = locked.session;
        String topicId = topicFor(connection, session, send.topicId);
        RetryKey key = new RetryKey(session.pk, send.caller.userId(), send.clientMsgId);
        Message retried = send.clientMsgId == null ? null : earlier.get(key);
        if (retried != null) {
            send.accept(Outcome.existing(MessageView.of(session.publicId, retried)));
            return Optional.empty();
        }
        Message message = MessageStore.next(session, send.caller.userId(), send.type, send.content, topicId,
                send.clientMsgId);
        if (send.clientMsgId != null) {
            earlier.put(key, message);
        }
        locked.newest = message;
        locked.newestPreview = send.content.preview();
        boolean replies = !locked.topicReplied && marksReply(admitted.actingRole(), send.type, topicId);
        locked.topicReplied |= replies;
        send.accept(Outcome.created(MessageView.of(session.publicId, message)));
        return Optional.of(new Appended(send, locked, message, replies));
    }

    /** A message joins the topic it names, which must be the open one; by default the open one, if any. */
    private static String topicFor(Connection connection, Session session, String requested) throws SQLException {
        if (requested == null || requested.equals(session.openTopicId)) {
            return session.openTopicId;
        }
        try (PreparedStatement exists = connection.prepareStatement(TOPIC_EXISTS)) {
            exists.setLong(1, session.pk);
            exists.setString(2, requested);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    throw new DomainException(ErrorCode.TOPIC_ENDED, "Topic " + requested + " has ended.");
                }
            }
        }
        throw new DomainException(ErrorCode.TOPIC_NOT_FOUND, "No such topic in this session.");
    }

    /** A clinician's first conversational message in an open topic is its reply. */
    private static boolean marksReply(Role senderRole, MessageType type, String topicId) {
        return topicId != null && senderRole != null && senderRole.isClinician() && type != MessageType.TOPIC_BEGIN
                && type != MessageType.TOPIC_END;
    }

    private static Map<SessionKey, LockedSession> lock(Connection connection, List<PendingSend> group)
            throws SQLException {
        // Tenants in a fixed order too: together with the index order, every group locks in one global order.
        Map<String, Set<String>> idsByTenant = new TreeMap<>();
        group.forEach(send -> idsByTenant.computeIfAbsent(send.caller.tenant(), t -> new LinkedHashSet<>())
                .add(send.sessionId));
        Map<SessionKey, LockedSession> sessions = new HashMap<>();
        for (Map.Entry<String, Set<String>> tenantIds : idsByTenant.entrySet()) {
            String tenant = tenantIds.getKey();
            try (PreparedStatement select = connection.prepareStatement(
                    LOCK_SESSIONS.formatted(SqlMarks.of(tenantIds.getValue().size())))) {
                select.setString(1, tenant);
                int index = 2;
                for (String id : tenantIds.getValue()) {
                    select.setString(index++, id);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        LockedSession locked = new LockedSession();
                        Session session = locked.session;
                        session.pk = row.getLong(1);
                        session.tenantId = tenant;
                        session.publicId = row.getString(2);
                        session.status = SessionStatus.valueOf(row.getString(3));
                        session.lastSeq = row.getLong(4);
                        session.openTopicId = row.getString(5);
                        locked.topicReplied = row.getBoolean(6);
                        session.type = CodedEnum.fromCode(SessionType.class, row.getInt(7));
                        sessions.put(new SessionKey(tenant, session.publicId), locked);
                    }
                }
            }
        }
        return sessions;
    }

    private static void readMembers(Connection connection, Collection<LockedSession> sessions) throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        Map<Long, LockedSession> byPk = new HashMap<>();
        sessions.forEach(locked -> byPk.put(locked.session.pk, locked));
        try (PreparedStatement select = connection.prepareStatement(MEMBERS.formatted(SqlMarks.of(byPk.size())))) {
            int index = 1;
            for (long pk : byPk.keySet()) {
                select.setLong(index++, pk);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Participant member = new Participant();
                    member.sessionPk = row.getLong(1);
                    member.pk = row.getLong(2);
                    member.userId = row.getString(3);
                    member.role = row.getString(4) == null ? null : Role.valueOf(row.getString(4));
                    member.leftAt = row.getString(5) == null ? null
                            : SqlTime.fromText(row.getString(5));
                    member.leftSeq = (Long) row.getObject(6);
                    member.lastReadSeq = row.getLong(7);
                    member.sendBlocked = row.getBoolean(8);
                    byPk.get(member.sessionPk).members.add(member);
                }
            }
        }
    }

    /** The messages already stored under the client message ids that the group's sends carry. */
    private static Map<RetryKey, Message> storedRetries(Connection connection, List<PendingSend> group,
            Map<SessionKey, LockedSession> sessions) throws SQLException {
        Set<RetryKey> keys = new LinkedHashSet<>();
        for (PendingSend send : group) {
            LockedSession locked = sessions.get(new SessionKey(send.caller.tenant(), send.sessionId));
            if (locked != null && send.clientMsgId != null) {
                keys.add(new RetryKey(locked.session.pk, send.caller.userId(), send.clientMsgId));
            }
        }
        Map<RetryKey, Message> earlier = new HashMap<>();
        if (keys.isEmpty()) {
            return earlier;
        }
        String where = String.join(" OR ", Collections.nCopies(keys.size(), RETRIED_KEY));
        try (PreparedStatement select = connection.prepareStatement(RETRIED.formatted(where))) {
            int index = 1;
            for (RetryKey key : keys) {
                select.setLong(index++, key.sessionPk);
                select.setString(index++, key.senderId);
                select.setString(index++, key.clientMsgId);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Message message = new Message();
                    message.sessionPk = row.getLong(1);
                    message.senderId = row.getString(2);
                    message.clientMsgId = row.getString(3);
                    message.seq = row.getLong(4);
                    message.type = CodedEnum.fromCode(MessageType.class, row.getInt(5));
                    message.content = row.getString(6);
                    message.topicId = row.getString(7);
                    message.createdAt = SqlTime.fromText(row.getString(8));
                    earlier.put(new RetryKey(message.sessionPk, message.senderId, message.clientMsgId), message);
                }
            }
        }
        return earlier;
    }

    /** One multi-row insert: the driver rewrites the batch ({@code rewriteBatchedStatements}). */
    private static void insert(Connection connection, List<Appended> appended) throws SQLException {
        if (appended.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(MessageStore.INSERT)) {
            for (Appended each : appended) {
                MessageStore.bindInsert(insert, each.message);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void summarize(Connection connection, Collection<LockedSession> sessions) throws SQLException {
        try (PreparedStatement summary = connection.prepareStatement(MessageStore.UPDATE_SUMMARY)) {
            boolean any = false;
            for (LockedSession locked : sessions) {
                if (locked.newest != null) {
                    MessageStore.bindSummary(summary, locked.newest, locked.newestPreview);
                    summary.addBatch();
                    any = true;
                }
            }
            if (any) {
                summary.executeBatch();
            }
        }
    }

    private static void markReplies(Connection connection, List<Appended> appended) throws SQLException {
        for (Appended each : appended) {
            if (each.replies) {
                try (PreparedStatement replied = connection.prepareStatement(MARK_REPLIED)) {
                    replied.setString(1, SqlTime.text(each.message.createdAt));
                    replied.setLong(2, each.message.sessionPk);
                    replied.setString(3, each.message.topicId);
                    replied.executeUpdate();
                }
            }
        }
    }
}
