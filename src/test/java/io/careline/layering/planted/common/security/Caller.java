package io.careline.layering.planted.common.security;

import io.careline.layering.planted.common.problem.Failure;

/** Planted: the other half of the problem/security cycle. */
public class Caller {
    public Failure refuse() {
        return new Failure();
    }
}
