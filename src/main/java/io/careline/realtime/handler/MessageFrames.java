package io.careline.realtime.handler;

import io.careline.common.security.Caller;
import io.careline.conversation.MessageService;
import io.careline.conversation.ParticipantService;
import io.careline.conversation.ReadStateService;
import io.careline.conversation.api.ReadStateView;
import io.careline.conversation.api.SendMessageRequest;
import io.careline.realtime.fanout.Fanout;
import io.careline.realtime.frame.ClientFrame;
import io.careline.realtime.frame.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** The conversation's frames: {@code send}, {@code read} and {@code typing}. */
@ApplicationScoped
public class MessageFrames {
    @Inject
    Validator validator;

    @Inject
    MessageService messages;

    @Inject
    ReadStateService readState;

    @Inject
    ParticipantService participants;

    @Inject
    Fanout fanout;

    /** Stores the message (validated as its REST twin is) and answers the ack with its seq. */
    public ServerFrame send(Caller caller, ClientFrame frame) {
        SendMessageRequest request = new SendMessageRequest(frame.msgType(), frame.content(), frame.clientMsgId(),
                frame.topicId());
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return ServerFrame.Ack.of(messages.send(caller, frame.sessionId(), request).value());
    }

    /** Moves the read position; the reader's device gets the receipt as the answer, the others by delivery. */
    public ServerFrame read(Caller caller, ClientFrame frame) {
        ReadStateView state = readState.markRead(caller, frame.sessionId(), frame.seq());
        return ServerFrame.Read.of(frame.sessionId(), caller.userId(), state.lastReadSeq());
    }

    /** Tells the session's other members; nothing is stored and nothing answers a typing frame that worked. */
    public ServerFrame typing(Caller caller, ClientFrame frame) {
        fanout.deliver(caller.tenant(), participants.othersInSession(caller, frame.sessionId()),
                ServerFrame.Typing.of(frame.sessionId(), caller.userId()), null, System.currentTimeMillis());
        return null;
    }
}
