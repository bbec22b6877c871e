package io.careline.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.config.LimitsConfig;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem;
import io.careline.common.wire.Text;
import io.careline.conversation.model.MessageType;
import io.careline.conversation.model.ValidContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Checks content against its type's shape and the size limit, and renders it for storage. */
@ApplicationScoped
public class MessageContentValidator {
    @Inject
    ObjectMapper mapper;

    @Inject
    LimitsConfig limits;

    @Inject
    MessagesConfig config;

    public ValidContent validate(MessageType type, JsonNode content) {
        String invalidText = Text.invalidUnicodeAt(content, "content");
        if (invalidText != null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The content holds text that is not valid Unicode.",
                    List.of(new Problem.FieldError(invalidText, "must be valid Unicode")));
        }
        List<Problem.FieldError> errors = type.shape().violations(content);
        if (!errors.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_CONTENT,
                    "The content does not have the shape of a '" + type.wire() + "' message.", errors);
        }
        String json = write(content);
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > limits.maxContentBytes()) {
            throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "Content is " + size + " bytes; the limit is " + limits.maxContentBytes() + " bytes.");
        }
        return new ValidContent(json, preview(type, content, config.previewLength()));
    }

    private static String preview(MessageType type, JsonNode content, int length) {
        JsonNode text = content.get("text");
        if (text == null || !text.isTextual()) {
            return "[" + type.wire() + "]";
        }
        String value = text.asText();
        return value.length() <= length ? value : value.substring(0, length);
    }

    private String write(JsonNode content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serialises", e);
        }
    }
}
