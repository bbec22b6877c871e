package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.conversation.model.Topic;
import io.careline.conversation.model.TopicStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** A consultation with its workbench state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record TopicView(String id, String sessionId, TopicState state, boolean replied, Instant firstReplyAt,
        long startSeq, Long endSeq, String openedBy, String endedBy, String description, Instant openedAt,
        Instant endedAt) {

    public static TopicView of(Topic topic, String sessionId) {
        return new TopicView(topic.publicId, sessionId, TopicState.of(topic.status == TopicStatus.OPEN, topic.replied),
                topic.replied, topic.firstReplyAt, topic.startSeq, topic.endSeq, topic.openedBy, topic.endedBy,
                topic.description, topic.openedAt, topic.endedAt);
    }
}
