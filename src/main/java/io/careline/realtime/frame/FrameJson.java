package io.careline.realtime.frame;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes server frames as the JSON text that goes on the wire. */
@ApplicationScoped
public class FrameJson {
    @Inject
    ObjectMapper mapper;

    public String write(ServerFrame frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("server frames are always serialisable", e);
        }
    }
}
