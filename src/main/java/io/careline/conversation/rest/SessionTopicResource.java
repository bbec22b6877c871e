package io.careline.conversation.rest;

import io.careline.common.security.CurrentCaller;
import io.careline.conversation.TopicService;
import io.careline.conversation.api.OpenTopicRequest;
import io.careline.conversation.api.TopicView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Opening and ending the consultations of one session. */
@Path("/api/v1/sessions/{sessionId}/topics")
@Authenticated
@Tag(name = "Topics")
@SecurityRequirement(name = "jwt")
public class SessionTopicResource {
    @Inject
    TopicService topics;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Open a topic (consultation)",
            description = "Adds a topic_begin message. 409 TOPIC_ALREADY_OPEN while another topic is open; opening "
                    + "the open topic's id again answers 200 with it.")
    public Response open(@PathParam("sessionId") String sessionId, @Valid @NotNull OpenTopicRequest request) {
        return topics.open(caller.get(), sessionId, request).toResponse();
    }

    @POST
    @Path("/{topicId}/end")
    @Operation(summary = "End a topic", description = "Adds a topic_end message; ending an ended topic changes nothing.")
    public TopicView end(@PathParam("sessionId") String sessionId, @PathParam("topicId") String topicId) {
        return topics.end(caller.get(), sessionId, topicId);
    }
}
