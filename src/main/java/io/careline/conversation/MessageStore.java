package io.careline.conversation;

import io.agroal.api.AgroalDataSource;
import io.careline.common.Times;
import io.careline.common.UtcDateTimeConverter;
import io.careline.common.security.Role;
import io.careline.common.wire.CodedEnum;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;

/**
 * The message hot path in plain JDBC: lock a session with the sender's membership, append a message with
 * the next seq, and keep the session's summary columns in step. Hibernate's discriminator multi-tenancy
 * keeps an always-on tenant filter that stops it from caching query translations, which cost more CPU
 * than the database work here; so this class binds the tenant explicitly and is the only writer of the
 * summary columns (mapped read-only on {@link Session}). It uses the transaction's own connection.
 */
@ApplicationScoped
public class MessageStore {
    private static final UtcDateTimeConverter TIME = new UtcDateTimeConverter();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    Event<MessageStored> stored;

    @Inject
    Event<TopicChanged> topicChanges;

    /** Thrown when a sender's client message id is already stored; the caller answers with that message. */
    public static class DuplicateClientMsgId extends RuntimeException {
        DuplicateClientMsgId() {
            super(null, null, false, false);
        }
    }

    /** Row-locks a session and reads the user's membership of it, in one statement. */
    public Optional<SessionRow> lockWithMember(String tenant, String publicId, String userId) {
        String sql = """
                SELECT s.pk, s.type, s.business_type, s.name, s.status, s.last_seq, s.open_topic_id,
                       p.pk, p.role, p.left_at, p.left_seq, p.last_read_seq
                FROM sessions s LEFT JOIN participants p ON p.session_pk = s.pk AND p.user_id = ?
                WHERE s.tenant_id = ? AND s.public_id = ? FOR UPDATE""";
        return query(sql, statement -> {
            statement.setString(1, userId);
            statement.setString(2, tenant);
            statement.setString(3, publicId);
        }, row -> {
            Session session = new Session();
            session.pk = row.getLong(1);
            session.tenantId = tenant;
            session.publicId = publicId;
            session.type = CodedEnum.fromCode(SessionType.class, row.getInt(2));
            session.businessType = CodedEnum.fromCode(BusinessType.class, row.getInt(3));
            session.name = row.getString(4);
            session.status = SessionStatus.valueOf(row.getString(5));
            session.lastSeq = row.getLong(6);
            session.openTopicId = row.getString(7);
            Participant member = null;
            if (row.getObject(8) != null) {
                member = new Participant();
                member.pk = row.getLong(8);
                member.sessionPk = session.pk;
                member.userId = userId;
                member.role = row.getString(9) == null ? null : Role.valueOf(row.getString(9));
                member.leftAt = row.getString(10) == null ? null : TIME.convertToEntityAttribute(row.getString(10));
                member.leftSeq = (Long) row.getObject(11);
                member.lastReadSeq = row.getLong(12);
            }
            return new SessionRow(session, member);
        });
    }

    /** The message a sender already stored under a client message id. */
    public Optional<Message> findByClientMsgId(long sessionPk, String senderId, String clientMsgId) {
        String sql = """
                SELECT seq, type, content, topic_id, created_at FROM messages
                WHERE session_pk = ? AND sender_id = ? AND client_msg_id = ?""";
        return query(sql, statement -> {
            statement.setLong(1, sessionPk);
            statement.setString(2, senderId);
            statement.setString(3, clientMsgId);
        }, row -> {
            Message message = new Message();
            message.sessionPk = sessionPk;
            message.seq = row.getLong(1);
            message.senderId = senderId;
            message.type = CodedEnum.fromCode(MessageType.class, row.getInt(2));
            message.content = row.getString(3);
            message.topicId = row.getString(4);
            message.clientMsgId = clientMsgId;
            message.createdAt = TIME.convertToEntityAttribute(row.getString(5));
            return message;
        });
    }

    /**
     * Appends to a session that Hibernate manages and this transaction has locked, after flushing pending
     * entity changes (new participants, a new topic) so they reach the database before the message.
     */
    public Message appendAfterFlush(Session managedSession, String senderId, Role senderRole, MessageType type,
            ValidContent content, String topicId) {
        entityManager.flush();
        return append(managedSession, senderId, senderRole, type, content, topicId, null);
    }

    /**
     * Appends a message to a session whose row this transaction has locked: the next seq, the stored row,
     * the session's summary and the open topic's replied flag change together or not at all.
     *
     * @throws DuplicateClientMsgId when the sender already stored this client message id
     */
    public Message append(Session lockedSession, String senderId, Role senderRole, MessageType type,
            ValidContent content, String topicId, String clientMsgId) {
        Message message = new Message();
        message.tenantId = lockedSession.tenantId;
        message.sessionPk = lockedSession.pk;
        message.seq = lockedSession.lastSeq + 1;
        message.senderId = senderId;
        message.type = type;
        message.content = content.json();
        message.topicId = topicId;
        message.clientMsgId = clientMsgId;
        message.createdAt = Times.now();
        String now = TIME.convertToDatabaseColumn(message.createdAt);
        boolean repliedNow = false;
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, message, now);
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE sessions SET last_seq = ?, last_message_at = ?, last_message_preview = ?,
                           activity_at = ?, updated_at = ? WHERE pk = ?""")) {
                update.setLong(1, message.seq);
                update.setString(2, now);
                update.setString(3, content.preview());
                update.setString(4, now);
                update.setString(5, now);
                update.setLong(6, lockedSession.pk);
                update.executeUpdate();
            }
            if (marksReply(senderRole, type, topicId)) {
                try (PreparedStatement replied = connection.prepareStatement("""
                        UPDATE topics SET replied = TRUE, first_reply_at = ?
                        WHERE session_pk = ? AND public_id = ? AND replied = FALSE AND status = 'OPEN'""")) {
                    replied.setString(1, now);
                    replied.setLong(2, lockedSession.pk);
                    replied.setString(3, topicId);
                    repliedNow = replied.executeUpdate() > 0;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("appending a message failed", e);
        }
        lockedSession.lastSeq = message.seq;
        lockedSession.lastMessageAt = message.createdAt;
        lockedSession.lastMessagePreview = content.preview();
        lockedSession.activityAt = message.createdAt;
        lockedSession.updatedAt = message.createdAt;
        // Observers deliver only after commit: nobody hears of a message not stored.
        stored.fire(new MessageStored(lockedSession.tenantId, lockedSession.pk,
                MessageView.of(lockedSession.publicId, message)));
        if (repliedNow) {
            topicChanges.fire(new TopicChanged(lockedSession.tenantId, lockedSession.pk, lockedSession.publicId,
                    topicId, TopicChanged.Change.REPLIED));
        }
        return message;
    }

    private static void insert(Connection connection, Message message, String now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO messages (tenant_id, session_pk, seq, sender_id, type, content, topic_id, client_msg_id,
                                      created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, message.tenantId);
            insert.setLong(2, message.sessionPk);
            insert.setLong(3, message.seq);
            insert.setString(4, message.senderId);
            insert.setInt(5, message.type.code());
            insert.setString(6, message.content);
            insert.setString(7, message.topicId);
            insert.setString(8, message.clientMsgId);
            insert.setString(9, now);
            insert.executeUpdate();
        } catch (SQLIntegrityConstraintViolationException e) {
            // Under the session lock the seq cannot collide, so this is the client message id key: a retry.
            if (message.clientMsgId != null) {
                throw new DuplicateClientMsgId();
            }
            throw e;
        }
    }

    /** A clinician's first conversational message in an open topic is its reply. */
    private static boolean marksReply(Role senderRole, MessageType type, String topicId) {
        return topicId != null && senderRole != null && senderRole.isClinician() && type != MessageType.TOPIC_BEGIN
                && type != MessageType.TOPIC_END;
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Maps the current row of a result. */
    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> Optional<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the message store failed", e);
        }
    }
}
