package io.careline.conversation;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/** One stored message; (session, seq) is its address for clients, content is validated JSON. */
@Entity
@Table(name = "messages")
public class Message extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

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
