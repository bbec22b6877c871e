package io.careline.layering.planted.notification.model;

/** Planted: an enum in its feature's model/. */
public enum Priority {
    URGENT
}
