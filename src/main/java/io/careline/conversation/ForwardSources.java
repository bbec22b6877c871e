package io.careline.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem;
import io.careline.common.security.Caller;
import io.careline.conversation.model.Message;
import io.careline.conversation.model.MessageRepository;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.ValidContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verified forwards: the client names the messages it forwards, never their words. Each source must be a
 * message the forwarder may read and that was not recalled; the stored forward carries a copy of each with its
 * provenance ({@code original}: session, seq, sender, time, type, content), so it cannot put words in anyone's
 * mouth.
 */
@ApplicationScoped
class ForwardSources {
    @Inject
    SessionAccess access;

    @Inject
    MessageRepository messages;

    @Inject
    MessageContentValidator contents;

    @Inject
    MessagesConfig config;

    @Inject
    ObjectMapper mapper;

    /** A source message named by the client. */
    private record Source(String sessionId, long seq) {
    }

    /** The content to store for a forward: the client's names of its sources, with their verified copies. */
    @Transactional
    ValidContent resolve(Caller caller, MessageType type, JsonNode content) {
        contents.validate(type, content); // the shape and the size of what the client named
        ObjectNode stored = mapper.createObjectNode();
        if (type == MessageType.FORWARD_BUNDLE) {
            List<Source> sources = bundleSources(content.get("messages"));
            if (content.hasNonNull("title")) {
                stored.set("title", content.get("title"));
            }
            ArrayNode named = stored.putArray("messages");
            sources.forEach(s -> named.addObject().put("sessionId", s.sessionId()).put("seq", s.seq()));
            ArrayNode originals = stored.putArray("originals");
            read(caller, sources).forEach(originals::add);
        } else {
            Source source = new Source(content.get("sourceSessionId").asText(), content.get("sourceSeq").asLong());
            ObjectNode original = read(caller, List.of(source)).get(0);
            if (type == MessageType.FORWARD_IMAGE && !MessageType.IMAGE.wire().equals(original.get("type").asText())) {
                throw new DomainException(ErrorCode.INVALID_CONTENT, "A forward_image forwards an image message.",
                        List.of(new Problem.FieldError("content.sourceSeq", "must name an image message")));
            }
            stored.put("sourceSessionId", source.sessionId()).put("sourceSeq", source.seq());
            stored.set("original", original);
        }
        return new ValidContent(stored.toString(), "[" + type.wire() + "]");
    }

    private List<Source> bundleSources(JsonNode items) {
        if (items.isEmpty() || items.size() > config.maxForwarded()) {
            throw invalid("content.messages", "must list 1 to " + config.maxForwarded() + " messages");
        }
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String field = "content.messages[" + i + "]";
            if (!item.isObject() || item.size() != 2 || !item.path("sessionId").isTextual()
                    || !item.path("seq").isIntegralNumber() || item.get("seq").asLong() < 1) {
                throw invalid(field, "must be {sessionId: string, seq: integer of 1 or more}");
            }
            sources.add(new Source(item.get("sessionId").asText(), item.get("seq").asLong()));
        }
        return sources;
    }

    /**
     * Copies of the sources, in the order named; one read per session the sources come from. A source the
     * forwarder may not read is not found, whatever the reason, so a forward reveals nothing of others' sessions.
     */
    private List<ObjectNode> read(Caller caller, List<Source> sources) {
        Map<String, List<Source>> bySession = new LinkedHashMap<>();
        sources.forEach(s -> bySession.computeIfAbsent(s.sessionId(), id -> new ArrayList<>()).add(s));
        Map<Source, ObjectNode> copies = new LinkedHashMap<>();
        for (Map.Entry<String, List<Source>> session : bySession.entrySet()) {
            Access admitted = admitted(caller, session.getKey());
            List<Long> seqs = session.getValue().stream().map(Source::seq)
                    .filter(seq -> seq <= admitted.visibleUpTo()).toList();
            for (Message message : seqs.isEmpty() ? List.<Message>of()
                    : messages.findBySeqs(admitted.sessionPk(), seqs)) {
                if (message.purged()) {
                    continue; // its words are gone: nothing to forward
                }
                if (message.recalled()) {
                    throw new DomainException(ErrorCode.MESSAGE_RECALLED, "A recalled message cannot be forwarded.");
                }
                copies.put(new Source(session.getKey(), message.seq), original(admitted.sessionId(), message));
            }
        }
        return sources.stream().map(source -> {
            ObjectNode copy = copies.get(source);
            if (copy == null) {
                throw notFound();
            }
            return copy;
        }).toList();
    }

    private Access admitted(Caller caller, String sessionId) {
        try {
            return access.read(caller, sessionId);
        } catch (DomainException refused) {
            throw notFound();
        }
    }

    private ObjectNode original(String sessionId, Message message) {
        ObjectNode original = mapper.createObjectNode().put("sessionId", sessionId).put("seq", message.seq)
                .put("senderId", message.senderId).put("sentAt", message.createdAt.toString())
                .put("type", message.type.wire());
        try {
            original.set("content", mapper.readTree(message.content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored content is always JSON", e);
        }
        return original;
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.INVALID_CONTENT, "The forward_bundle's messages are invalid.",
                List.of(new Problem.FieldError(field, message)));
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCode.MESSAGE_NOT_FOUND, "A forwarded message was not found.");
    }
}
