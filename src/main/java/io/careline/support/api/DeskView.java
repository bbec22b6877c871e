package io.careline.support.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.careline.support.model.Desk;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A support desk. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record DeskView(String deskId, String name, String assistantId, Routing routing, int capacity,
        Integer firstResponseMinutes) {

    public static DeskView of(Desk desk) {
        return new DeskView(desk.deskId, desk.name, desk.assistantId, desk.routing, desk.capacity,
                desk.firstResponseMinutes);
    }
}
