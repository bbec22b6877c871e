package io.careline.conversation.model;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored message; (session, seq) is its address for clients, content is validated JSON. */
@Entity
@Table(name = "messages")
public class Message extends TenantScopedEntity {
    @Column(name = "session_pk")
    public Long sessionPk;

    public long seq;

    @Column(name = "sender_id")
    public String senderId;

    public MessageType type;

    @Column(columnDefinition = "mediumtext")
    public String content;

    @Column(name = "topic_id")
    public String topicId;

    @Column(name = "client_msg_id")
    public String clientMsgId;

    @Column(name = "created_at", columnDefinition = DATETIME)
    public Instant createdAt;
}
