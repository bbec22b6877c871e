package io.careline.layering.planted.admin;

import io.careline.layering.planted.realtime.fanout.Fanout;

/** Planted: another feature reaching into realtime's fan-out. */
public class Stats {
    public int backlog() {
        return new Fanout().backlog();
    }
}
