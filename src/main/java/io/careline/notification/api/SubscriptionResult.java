package io.careline.notification.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** What a subscribe granted, and why each other room was refused. */
@RegisterForReflection
public record SubscriptionResult(List<String> granted, List<RefusedRoom> refused) {

    /** A room the caller may not subscribe to, with the error code and why. */
    @RegisterForReflection
    public record RefusedRoom(String room, String code, String message) {
    }
}
