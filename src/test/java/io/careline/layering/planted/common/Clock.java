package io.careline.layering.planted.common;

import io.careline.layering.planted.push.Pusher;

/** Planted: common/ reaching into a feature. */
public class Clock {
    public Pusher pusher() {
        return new Pusher();
    }
}
