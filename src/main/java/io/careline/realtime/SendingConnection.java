package io.careline.realtime;

import jakarta.enterprise.context.RequestScoped;

/** The connection a frame arrived on, so a sent message goes to the sender's other devices, not back. */
@RequestScoped
public class SendingConnection {
    private String id;

    void set(String connectionId) {
        this.id = connectionId;
    }

    String id() {
        return id;
    }
}
