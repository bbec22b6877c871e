package io.careline.conversation.rest;

import io.careline.common.paging.PageLimits;
import io.careline.common.security.CurrentCaller;
import io.careline.conversation.TopicService;
import io.careline.conversation.api.TopicCounts;
import io.careline.conversation.api.TopicPage;
import io.careline.conversation.api.TopicView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The doctor's workbench: topics of the caller's sessions by state. */
@Path("/api/v1/topics")
@Authenticated
@Tag(name = "Topics")
@SecurityRequirement(name = "jwt")
public class TopicResource {
    @Inject
    TopicService topics;

    @Inject
    PageLimits pageLimits;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Topics of the caller's sessions in one state, newest first")
    public TopicPage list(
            @QueryParam("state") @NotNull @Parameter(description = "unreplied, in_progress or ended") String state,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20", schema = @Schema(type = SchemaType.INTEGER)) String limit, @QueryParam("cursor") String cursor) {
        return topics.list(caller.get(), state, pageLimits.resolve(limit), cursor);
    }

    @GET
    @Path("/counts")
    @Operation(summary = "How many of the caller's topics are unreplied, in progress and ended")
    public TopicCounts counts() {
        return topics.counts(caller.get());
    }

    @GET
    @Path("/{topicId}")
    @Operation(summary = "One topic")
    public TopicView get(@PathParam("topicId") String topicId) {
        return topics.get(caller.get(), topicId);
    }
}
