package io.careline.common.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** This node's identity among the nodes that share Redis: the pod name plus a per-start suffix. */
@ApplicationScoped
public class NodeIdentity {
    private final String id = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("node") + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    public String id() {
        return id;
    }
}
