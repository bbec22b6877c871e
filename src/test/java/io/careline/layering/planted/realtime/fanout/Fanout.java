package io.careline.layering.planted.realtime.fanout;

import io.careline.layering.planted.realtime.frame.Frame;

/** Planted: one half of a cycle between realtime's roles. */
public class Fanout {
    public int backlog() {
        return new Frame().size();
    }
}
