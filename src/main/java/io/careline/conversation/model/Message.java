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

    /** 0 as sent; each revision counts up. Changes are written by {@code MessageChangeStore}, so read-only here. */
    @Column(updatable = false, insertable = false)
    public int revision;

    @Column(name = "edited_at", columnDefinition = DATETIME, updatable = false, insertable = false)
    public Instant editedAt;

    @Column(name = "recalled_at", columnDefinition = DATETIME, updatable = false, insertable = false)
    public Instant recalledAt;

    @Column(name = "recalled_by", updatable = false, insertable = false)
    public String recalledBy;

    /** The session's change number of this message's latest change (null while never changed). */
    @Column(name = "change_seq", updatable = false, insertable = false)
    public Long changeSeq;

    /** When retention replaced the content with a tombstone (null while kept). */
    @Column(name = "purged_at", columnDefinition = DATETIME, updatable = false, insertable = false)
    public Instant purgedAt;

    public boolean recalled() {
        return recalledAt != null;
    }

    public boolean purged() {
        return purgedAt != null;
    }
}
