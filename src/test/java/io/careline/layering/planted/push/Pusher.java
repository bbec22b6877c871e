package io.careline.layering.planted.push;

import io.careline.layering.planted.notification.model.Priority;

/** Planted: a feature using another feature's model/. */
public class Pusher {
    public Priority priority() {
        return Priority.URGENT;
    }
}
