package io.careline.layering.planted.realtime.frame;

import io.careline.layering.planted.realtime.fanout.Fanout;

/** Planted: the other half of the fanout/frame cycle. */
public class Frame {
    public int size() {
        return 1;
    }

    public Fanout fanout() {
        return new Fanout();
    }
}
