package io.careline.layering.planted.dev;

import io.careline.layering.planted.console.Settings;

/** Planted: the other half of the console/dev cycle. */
public class Demo {
    public String users() {
        return "demo";
    }

    public Settings settings() {
        return new Settings();
    }
}
