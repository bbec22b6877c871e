package io.careline.conversation.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.problem.Problem;
import io.careline.conversation.api.SessionType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentShapeTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private List<Problem.FieldError> check(MessageType type, String json) throws Exception {
        JsonNode content = mapper.readTree(json);
        return type.shape().violations(content);
    }

    @Test
    void aFittingContentHasNoViolations() throws Exception {
        assertThat(check(MessageType.ADVICE, """
                {"diagnosticAdvice":"rest","treatmentAdvice":"fluids","outPatientId":"op-1","adjust":0}""")).isEmpty();
        assertThat(check(MessageType.ACKNOWLEDGED, "{}")).isEmpty();
    }

    @Test
    void everyDepartureIsReported() throws Exception {
        assertThat(check(MessageType.VIDEO_REQUEST, """
                {"answerStatus":"yes","extra":1}""")).extracting(Problem.FieldError::field)
                .containsExactly("content.answerStatus", "content.extra");
        assertThat(check(MessageType.PAYMENT, "{}")).extracting(Problem.FieldError::field)
                .containsExactly("content.info", "content.outpatientId", "content.prescriptionId");
        assertThat(check(MessageType.TEXT, "[\"text\"]")).extracting(Problem.FieldError::message)
                .containsExactly("must be a JSON object");
        assertThat(check(MessageType.SERVICE_RATING, "{\"rating\": 4.5}")).extracting(Problem.FieldError::field)
                .containsExactly("content.rating");
    }

    @Test
    void codesAndNamesAreUniqueAndKeepTheSeedCatalogue() {
        assertThat(Arrays.stream(MessageType.values()).map(MessageType::code).distinct()).hasSize(MessageType.values().length);
        assertThat(MessageType.TEXT.code()).isEqualTo(1);
        assertThat(MessageType.PAYMENT.code()).isEqualTo(35);
        assertThat(MessageType.CARD_REFRESH.code()).isEqualTo(2105);
        assertThat(Arrays.stream(MessageType.values()).filter(t -> t.code() <= 35)).hasSize(36);
        assertThat(Arrays.stream(SessionType.values()).map(SessionType::code).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(0, 18).boxed().toList());
        // 0-17 are the seed's; 18 is Careline's own, after them so that no seed code changes meaning.
        assertThat(SessionType.SUPPORT.code()).isEqualTo(18);
    }
}
