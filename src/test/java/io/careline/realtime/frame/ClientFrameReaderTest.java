package io.careline.realtime.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem;
import io.careline.common.wire.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which frames are refused before they reach a service, with which code, fields and ref. */
class ClientFrameReaderTest {
    private final ClientFrameReader reader = new ClientFrameReader(strictMapper());

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder().build();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private ClientFrameReader.Refused refused(String frame) {
        return catchThrowableOfType(ClientFrameReader.Refused.class, () -> reader.read(frame));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{not json|MALFORMED_JSON||",
            "[1,2]|MALFORMED_JSON||",
            "{\"id\":\"x\"}|VALIDATION_FAILED|x|type",
            "{\"type\":\"teleport\",\"id\":\"f\"}|UNKNOWN_FRAME_TYPE|f|",
            "{\"type\":\"send\",\"clientMsgId\":\"c\",\"msgType\":\"text\",\"content\":{}}|VALIDATION_FAILED|c|sessionId",
            "{\"type\":\"send\",\"sessionId\":\"s\",\"clientMsgId\":\"c\",\"content\":{}}|VALIDATION_FAILED|c|msgType",
            "{\"type\":\"send\",\"sessionId\":\"s\",\"clientMsgId\":\"c\",\"msgType\":\"text\",\"content\":null}|VALIDATION_FAILED|c|content",
            "{\"type\":\"read\",\"id\":\"r\",\"sessionId\":\"s\"}|VALIDATION_FAILED|r|seq",
            "{\"type\":\"read\",\"id\":\"r\",\"sessionId\":\"s\",\"seq\":-1}|VALIDATION_FAILED|r|seq",
            "{\"type\":\"read\",\"id\":\"r\",\"sessionId\":\"s\",\"seq\":1.5}|VALIDATION_FAILED|r|seq",
            "{\"type\":\"typing\",\"id\":\"t\"}|VALIDATION_FAILED|t|sessionId",
            "{\"type\":\"sync\",\"id\":\"y\",\"sessions\":[{\"afterSeq\":1}]}|VALIDATION_FAILED|y|sessions[0].sessionId",
            "{\"type\":\"ping\",\"id\":\"p\",\"colour\":\"red\"}|VALIDATION_FAILED|p|colour",
            "{\"type\":\"ping\",\"id\":7}|VALIDATION_FAILED||id",
    })
    void refusedFrames(String frame, ErrorCode code, String ref, String field) {
        ClientFrameReader.Refused refusal = refused(frame);
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.failure.code()).isEqualTo(code);
        assertThat(refusal.ref).isEqualTo(ref);
        if (field != null) {
            assertThat(refusal.failure.errors()).extracting(Problem.FieldError::field).contains(field);
        }
    }

    @Test
    void aSendsRefIsItsClientMsgIdEvenWhenItAlsoHasAnId() {
        assertThat(refused("{\"type\":\"send\",\"id\":\"i\",\"clientMsgId\":\"c\"}").ref).isEqualTo("c");
    }

    @Test
    void wellFormedFramesOfEveryTypeAreRead() {
        assertThat(reader.read("{\"type\":\"ping\"}").type()).isEqualTo("ping");
        assertThat(reader.read("{\"type\":\"sync\"}").sessions()).isNull();
        assertThat(reader.read("{\"type\":\"read\",\"sessionId\":\"s\",\"seq\":0}").seq()).isZero();
        assertThat(reader.read("{\"type\":\"typing\",\"sessionId\":\"s\"}").sessionId()).isEqualTo("s");
        assertThat(reader.read("{\"type\":\"send\",\"sessionId\":\"s\",\"clientMsgId\":\"c\",\"msgType\":\"text\","
                + "\"content\":{\"text\":\"x\"}}").ref()).isEqualTo("c");
    }
}
