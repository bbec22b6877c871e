package io.careline.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.conversation.MessageService;
import io.careline.conversation.SendMessageRequest;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;

/** Turns client frames into service calls and their outcome into server frames; errors keep the connection. */
@ApplicationScoped
public class RealtimeService {
    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    MessageService messages;

    @Inject
    ConnectionRegistry connections;

    @Inject
    SendingConnection sendingConnection;

    void connected(Caller caller, WebSocketConnection connection) {
        connections.add(caller.tenant(), caller.userId(), connection);
    }

    void disconnected(Caller caller, WebSocketConnection connection) {
        connections.remove(caller.tenant(), caller.userId(), connection);
    }

    ServerFrame handle(Caller caller, String text, WebSocketConnection connection) {
        ClientFrame frame;
        try {
            frame = mapper.readValue(text, ClientFrame.class);
        } catch (JsonProcessingException e) {
            return error(ErrorCode.MALFORMED_JSON, "The frame is not a JSON object of the protocol.", null);
        }
        if (frame == null || frame.type() == null) {
            return error(ErrorCode.VALIDATION_FAILED, "A frame needs a type.", null);
        }
        return switch (frame.type()) {
            case "ping" -> ServerFrame.Pong.of(frame.id());
            case "send" -> send(caller, frame, connection);
            default -> error(ErrorCode.UNKNOWN_FRAME_TYPE, "Unknown frame type " + frame.type() + ".", frame.id());
        };
    }

    private ServerFrame send(Caller caller, ClientFrame frame, WebSocketConnection connection) {
        String ref = frame.clientMsgId() != null ? frame.clientMsgId() : frame.id();
        SendMessageRequest request = new SendMessageRequest(frame.msgType(), frame.content(), frame.clientMsgId(),
                frame.topicId());
        Set<ConstraintViolation<SendMessageRequest>> violations = validator.validate(request);
        if (frame.sessionId() == null || frame.clientMsgId() == null || !violations.isEmpty()) {
            return error(ErrorCode.VALIDATION_FAILED,
                    "A send frame needs sessionId, clientMsgId, msgType and content of valid form.", ref);
        }
        sendingConnection.set(connection.id());
        try {
            return ServerFrame.Ack.of(messages.send(caller, frame.sessionId(), request).message());
        } catch (DomainException e) {
            return ServerFrame.Error.of(e.code().name(), e.getMessage(), ref);
        }
    }

    private static ServerFrame error(ErrorCode code, String message, String ref) {
        return ServerFrame.Error.of(code.name(), message, ref);
    }
}
