package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.careline.conversation.model.MessageAuditEntry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of a message's trail: sent, revised (with that revision's content) or recalled (with a reason). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record MessageAuditEntryView(@Schema(enumeration = { "sent", "revised", "recalled" }) String action,
        int revision, String actorId,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "The content of this revision") String content,
        String reason, Instant at) {

    public static MessageAuditEntryView of(MessageAuditEntry entry) {
        return new MessageAuditEntryView(entry.action.name().toLowerCase(), entry.revision, entry.actorId,
                entry.content, entry.reason, entry.at);
    }
}
