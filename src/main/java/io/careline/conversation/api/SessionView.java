package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.conversation.model.BusinessType;
import io.careline.conversation.model.Participant;
import io.careline.conversation.model.Session;
import io.careline.conversation.model.SessionStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session as one caller sees it: shared state plus their own unread count, pin and mute. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record SessionView(String id, SessionType type, BusinessType businessType, String name,
        SessionStatus status, long lastSeq, Instant lastMessageAt, String lastMessagePreview, String openTopicId,
        Instant createdAt, Instant updatedAt, long unread, boolean pinned, boolean muted, Long lastReadSeq,
        boolean left,
        @Schema(description = "True when the last message was recalled (then without a preview)")
        Boolean lastMessageRecalled) {

    /** {@code visible} is the last seq the caller may read ({@code Access.visibleUpTo}). */
    public static SessionView of(Session s, Participant p, long visible, long unread) {
        // A participant who left must not see what was said after; the summary is withheld with it.
        boolean summaryVisible = visible == s.lastSeq;
        return new SessionView(s.publicId, s.type, s.businessType, s.name, s.status, visible,
                summaryVisible ? s.lastMessageAt : null, summaryVisible ? s.lastMessagePreview : null,
                s.openTopicId, s.createdAt, s.updatedAt, unread, p != null && p.pinned, p != null && p.muted,
                p == null ? null : p.lastReadSeq, p != null && !p.isActive(),
                summaryVisible && s.lastMessageRecalled ? Boolean.TRUE : null);
    }
}
