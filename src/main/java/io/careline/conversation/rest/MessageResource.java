package io.careline.conversation.rest;

import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.common.wire.QueryParameters;
import io.careline.conversation.MessageRecallService;
import io.careline.conversation.MessageRevisionService;
import io.careline.conversation.MessageService;
import io.careline.conversation.ReadStateService;
import io.careline.conversation.api.MessagePage;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.api.ReadByView;
import io.careline.conversation.api.RecallRequest;
import io.careline.conversation.api.ReviseMessageRequest;
import io.careline.conversation.api.SendMessageRequest;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Messages of a session: send, page through history, fetch one by seq, recall, edit, who read it. */
@Path("/api/v1/sessions/{sessionId}/messages")
@Authenticated
@Tag(name = "Messages")
@SecurityRequirement(name = "jwt")
public class MessageResource {
    @Inject
    MessageService messages;

    @Inject
    MessageRecallService recalls;

    @Inject
    MessageRevisionService revisions;

    @Inject
    ReadStateService readState;

    @Inject
    PageLimits pageLimits;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Send a message",
            description = "201 with the stored message and its seq. A retry with the same clientMsgId answers 200 "
                    + "with the same seq and stores nothing. Content must fit the type, and the caller's roles must be "
                    + "among the type's authors, else 403 MESSAGE_TYPE_FORBIDDEN (docs/message-types.md).")
    public Response send(@PathParam("sessionId") String sessionId, @Valid @NotNull SendMessageRequest request) {
        return messages.send(caller.get(), sessionId, request).toResponse();
    }

    @GET
    @Operation(summary = "Messages in seq order",
            description = "With afterSeq: the oldest messages after it. Otherwise the latest messages before beforeSeq "
                    + "(or the end). Optionally only those of one topic.")
    public MessagePage list(@PathParam("sessionId") String sessionId,
            @QueryParam("afterSeq") @Parameter(description = "Messages after this seq, oldest first",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) String afterSeq,
            @QueryParam("beforeSeq") @Parameter(description = "The latest messages before this seq",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String beforeSeq,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("topicId") String topicId) {
        return messages.history(caller.get(), sessionId, QueryParameters.wholeNumber("afterSeq", afterSeq, 0),
                QueryParameters.wholeNumber("beforeSeq", beforeSeq, 1), topicId, pageLimits.resolve(limit));
    }

    @GET
    @Path("/{seq}")
    @Operation(summary = "One message by seq")
    public MessageView get(@PathParam("sessionId") String sessionId, @PathParam("seq") @Positive long seq) {
        return messages.get(caller.get(), sessionId, seq);
    }

    @POST
    @Path("/{seq}/recall")
    @Operation(summary = "Recall a message",
            description = "The sender within careline.messages.recall-window (else 403 RECALL_WINDOW_CLOSED); admins "
                    + "and hospital systems at any time. The message keeps its seq and shows recalled: true without "
                    + "content everywhere; members get message_recalled; it stops counting as unread; its content "
                    + "goes to the audit trail with the reason. Recalling again answers the same.")
    public MessageView recall(@PathParam("sessionId") String sessionId, @PathParam("seq") @Positive long seq,
            @Valid RecallRequest request) {
        return recalls.recall(caller.get(), sessionId, seq, request == null ? null : request.reason());
    }

    @PATCH
    @Path("/{seq}")
    @Operation(summary = "Edit a message",
            description = "The sender replaces the content: of a card with a state (video_request, "
                    + "prescription_review, the home-visit cards) at any time, of a text within the recall window. "
                    + "revision counts up; members get message_updated; the audit trail keeps every revision.")
    public MessageView revise(@PathParam("sessionId") String sessionId, @PathParam("seq") @Positive long seq,
            @Valid @NotNull ReviseMessageRequest request) {
        return revisions.revise(caller.get(), sessionId, seq, request.content());
    }

    @GET
    @Path("/{seq}/reads")
    @Operation(summary = "Who has read a message",
            description = "The session's members other than the sender: readers with the time their read position "
                    + "first reached the message, and those who have not read it yet. Anyone who may read the "
                    + "session may ask.")
    public ReadByView reads(@PathParam("sessionId") String sessionId, @PathParam("seq") @Positive long seq) {
        return readState.readers(caller.get(), sessionId, seq);
    }
}
