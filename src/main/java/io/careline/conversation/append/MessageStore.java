package io.careline.conversation.append;

import io.agroal.api.AgroalDataSource;
import io.careline.common.SqlTime;
import io.careline.common.Times;
import io.careline.common.security.Caller;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.event.MessageStored;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.ParticipantRepository;
import io.careline.conversation.model.Session;
import io.careline.conversation.model.ValidContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Message rows in plain JDBC: the statements that append a message and keep its session's summary columns in
 * step, shared by the server's own messages (here) and the grouped sends ({@link MessageGroupWriter}).
 * Hibernate's discriminator multi-tenancy keeps an always-on tenant filter that stops it from caching query
 * translations, which cost more CPU than the database work here; so these statements bind the tenant
 * explicitly, and this package is the only writer of the summary columns (mapped read-only on
 * {@link Session}). They use the transaction's own connection.
 */
@ApplicationScoped
public class MessageStore {
    static final String INSERT = """
            INSERT INTO messages (tenant_id, session_pk, seq, sender_id, type, content, topic_id, client_msg_id,
                                  created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String UPDATE_SUMMARY = """
            UPDATE sessions SET last_seq = ?, last_message_at = ?, last_message_preview = ?, activity_at = ?,
                   updated_at = ?, last_message_recalled = FALSE WHERE pk = ?""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    ParticipantRepository participants;

    @Inject
    Event<MessageStored> stored;

    /**
     * Appends a server-written message (a system message, a topic's begin or end) to a session that Hibernate
     * manages and this transaction has locked, after flushing pending entity changes (new participants, a
     * new topic) so they reach the database before the message.
     */
    public Message appendAfterFlush(Session session, Caller author, MessageType type, ValidContent content,
            String topicId) {
        entityManager.flush();
        Message message = next(session, author.userId(), type, content, topicId, null);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT);
                PreparedStatement summary = connection.prepareStatement(UPDATE_SUMMARY)) {
            bindInsert(insert, message);
            insert.executeUpdate();
            bindSummary(summary, message, content.preview());
            summary.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("appending a message failed", e);
        }
        session.lastMessageAt = message.createdAt;
        session.lastMessagePreview = content.preview();
        session.lastMessageRecalled = false;
        session.activityAt = message.createdAt;
        session.updatedAt = message.createdAt;
        // Observers deliver only after commit: nobody hears of a message not stored.
        stored.fire(new MessageStored(session.tenantId, session.pk, session.type, MessageView.of(session.publicId, message),
                type.author(), participants.activeUserIds(session.pk), author.connectionId()));
        return message;
    }

    /** The session's next message, its seq taken (the caller holds the session's row lock). */
    static Message next(Session lockedSession, String senderId, MessageType type, ValidContent content,
            String topicId, String clientMsgId) {
        Message message = new Message();
        message.tenantId = lockedSession.tenantId;
        message.sessionPk = lockedSession.pk;
        message.seq = ++lockedSession.lastSeq;
        message.senderId = senderId;
        message.type = type;
        message.content = content.json();
        message.topicId = topicId;
        message.clientMsgId = clientMsgId;
        message.createdAt = Times.now();
        return message;
    }

    static void bindInsert(PreparedStatement insert, Message message) throws SQLException {
        insert.setString(1, message.tenantId);
        insert.setLong(2, message.sessionPk);
        insert.setLong(3, message.seq);
        insert.setString(4, message.senderId);
        insert.setInt(5, message.type.code());
        insert.setString(6, message.content);
        insert.setString(7, message.topicId);
        insert.setString(8, message.clientMsgId);
        insert.setString(9, SqlTime.text(message.createdAt));
    }

    /** Binds {@link #UPDATE_SUMMARY} for the session's newest message. */
    static void bindSummary(PreparedStatement summary, Message newest, String preview) throws SQLException {
        String at = SqlTime.text(newest.createdAt);
        summary.setLong(1, newest.seq);
        summary.setString(2, at);
        summary.setString(3, preview);
        summary.setString(4, at);
        summary.setString(5, at);
        summary.setLong(6, newest.sessionPk);
    }
}
