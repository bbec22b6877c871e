package io.careline.layering.planted.console;

import io.careline.layering.planted.dev.Demo;

/** Planted: production code using dev/, and one half of a cycle between features. */
public class Settings {
    public String users() {
        return new Demo().users();
    }
}
