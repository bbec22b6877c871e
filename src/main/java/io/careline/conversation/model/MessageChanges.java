package io.careline.conversation.model;

import io.careline.common.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Writes the changes to a stored message (recall, revision) and its session's summary, and reads the changes a
 * device has not seen. Each change takes the session's next change number; the caller holds the session's row
 * lock, so the numbers follow the order the changes committed in.
 */
@ApplicationScoped
public class MessageChanges {
    @Inject
    EntityManager entityManager;

    /** Blanks a message's content and marks it recalled; the content is kept in the audit trail first. */
    public void recall(Session lockedSession, Message message, String by, Instant at) {
        entityManager.detach(message); // the entity then shows the change; the statement writes it
        long change = nextChange(lockedSession);
        entityManager.createNativeQuery("""
                UPDATE messages SET content = '{}', recalled_at = ?1, recalled_by = ?2, change_seq = ?3
                WHERE pk = ?4""")
                .setParameter(1, SqlTime.text(at)).setParameter(2, by).setParameter(3, change)
                .setParameter(4, message.pk).executeUpdate();
        if (message.seq == lockedSession.lastSeq) {
            entityManager.createNativeQuery("""
                    UPDATE sessions SET last_message_recalled = TRUE, last_message_preview = NULL WHERE pk = ?1""")
                    .setParameter(1, lockedSession.pk).executeUpdate();
        }
        message.recalledAt = at;
        message.recalledBy = by;
        message.changeSeq = change;
    }

    /** Stores a new revision of a message's content; the session's preview follows when it is the last one. */
    public void revise(Session lockedSession, Message message, ValidContent content, Instant at) {
        entityManager.detach(message);
        long change = nextChange(lockedSession);
        int revision = message.revision + 1;
        entityManager.createNativeQuery("""
                UPDATE messages SET content = ?1, revision = ?2, edited_at = ?3, change_seq = ?4 WHERE pk = ?5""")
                .setParameter(1, content.json()).setParameter(2, revision).setParameter(3, SqlTime.text(at))
                .setParameter(4, change).setParameter(5, message.pk).executeUpdate();
        if (message.seq == lockedSession.lastSeq) {
            entityManager.createNativeQuery("UPDATE sessions SET last_message_preview = ?1 WHERE pk = ?2")
                    .setParameter(1, content.preview()).setParameter(2, lockedSession.pk).executeUpdate();
        }
        message.content = content.json();
        message.revision = revision;
        message.editedAt = at;
        message.changeSeq = change;
    }

    /**
     * Messages up to {@code upToSeq} changed after change number {@code afterChange} and at most
     * {@code upToChange}, in the order they changed, with their change numbers.
     */
    public List<ChangedMessage> after(long sessionPk, long upToSeq, long afterChange, long upToChange, int limit) {
        return entityManager.createQuery("""
                select new io.careline.conversation.model.ChangedMessage(m.changeSeq, m) from Message m
                where m.sessionPk = :session and m.seq <= :seq and m.changeSeq > :after and m.changeSeq <= :upTo
                order by m.changeSeq""", ChangedMessage.class)
                .setParameter("session", sessionPk).setParameter("seq", upToSeq).setParameter("after", afterChange)
                .setParameter("upTo", upToChange).setMaxResults(limit).getResultList();
    }

    private long nextChange(Session lockedSession) {
        entityManager.createNativeQuery("UPDATE sessions SET last_change_seq = last_change_seq + 1 WHERE pk = ?1")
                .setParameter(1, lockedSession.pk).executeUpdate();
        return ++lockedSession.lastChangeSeq;
    }
}
