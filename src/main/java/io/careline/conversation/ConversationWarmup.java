package io.careline.conversation;

import static io.careline.common.warmup.Warmup.expectingRefusal;

import io.careline.common.Times;
import io.careline.common.paging.PageCursor;
import io.careline.common.security.Caller;
import io.careline.common.warmup.Warmup;
import io.careline.conversation.api.TopicState;
import io.careline.conversation.model.MessageRepository;
import io.careline.conversation.model.ParticipantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Runs every query of the conversation read paths once, each variant of the dynamic ones included. */
@ApplicationScoped
public class ConversationWarmup implements Warmup {
    @Inject
    SessionService sessions;

    @Inject
    TopicService topics;

    @Inject
    MessageService messages;

    @Inject
    ReadStateService readState;

    @Inject
    ParticipantService participantService;

    @Inject
    MessageRepository messageRows;

    @Inject
    ParticipantRepository participantRows;

    @Override
    @Transactional
    public void warmUp(Caller caller) {
        String sessionsCursor = PageCursor.of(0, Times.toMicros(Times.now()), Long.MAX_VALUE).encode();
        String topicsCursor = PageCursor.of(Times.toMicros(Times.now()), Long.MAX_VALUE).encode();
        for (String type : new String[] { null, "consultation" }) {
            sessions.list(caller, type, 1, null);
            sessions.list(caller, type, 1, sessionsCursor);
        }
        for (TopicState state : TopicState.values()) {
            topics.list(caller, state.wire(), 1, null);
            topics.list(caller, state.wire(), 1, topicsCursor);
        }
        sessions.counts(caller);
        topics.counts(caller);
        readState.unread(caller);
        messages.unreadPositions(caller);
        expectingRefusal(() -> sessions.get(caller, "warmup"));
        expectingRefusal(() -> participantService.list(caller, "warmup"));
        expectingRefusal(() -> topics.get(caller, "warmup"));
        for (boolean ascending : new boolean[] { true, false }) {
            messageRows.range(0, 0, 1, null, ascending, 1);
            messageRows.range(0, 0, 1, "warmup", ascending, 1);
        }
        messageRows.findBySeq(0, 1);
        messageRows.unreadBySession(caller.userId(), List.of(0L));
        participantRows.find(0, caller.userId());
        participantRows.allOf(0);
        participantRows.activeOf(0);
        participantRows.shareASession(caller.userId(), caller.userId());
        participantRows.moveReadPosition(0, 1);
    }
}
