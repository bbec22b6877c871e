package io.careline.common;

import jakarta.ws.rs.core.Response;

/**
 * What a create-or-return call produced: the resource as clients see it, and whether this call created it
 * (false when a retry or an equal request found it already there).
 */
public record Outcome<T>(T value, boolean created) {

    public static <T> Outcome<T> created(T value) {
        return new Outcome<>(value, true);
    }

    public static <T> Outcome<T> existing(T value) {
        return new Outcome<>(value, false);
    }

    /** 201 with the resource when this call created it, else 200 with it. */
    public Response toResponse() {
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(value).build();
    }
}
