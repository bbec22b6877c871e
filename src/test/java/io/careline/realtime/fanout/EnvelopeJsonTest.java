package io.careline.realtime.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Envelopes between nodes: a control field only where it is used, so older nodes still read the others. */
class EnvelopeJsonTest {
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void anOrdinaryEnvelopeCarriesNoDisconnectField() throws Exception {
        String json = mapper.writeValueAsString(new Envelope("node-a", "t1", List.of("u1"), null, "{}", 5));
        assertThat(mapper.readTree(json).has("disconnect")).isFalse();
    }

    @Test
    void aControlEnvelopeKeepsItsOrderAcrossTheWire() throws Exception {
        Envelope control = new Envelope("node-a", "t1", List.of("u1"), null, null, 5, null, new Disconnect("c1"));
        Envelope read = mapper.readValue(mapper.writeValueAsString(control), Envelope.class);
        assertThat(read.disconnect()).isEqualTo(new Disconnect("c1"));
        assertThat(read.recipients()).containsExactly("u1");
    }
}
