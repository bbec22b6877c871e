package io.careline.layering.planted.common.problem;

import io.careline.layering.planted.common.security.Caller;

/** Planted: one half of a cycle inside common/. */
public class Failure {
    public Caller caller() {
        return new Caller();
    }
}
