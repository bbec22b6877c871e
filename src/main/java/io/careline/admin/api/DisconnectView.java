package io.careline.admin.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A force disconnect on its way to the nodes holding the devices, and the audit entry recording it. */
@RegisterForReflection
public record DisconnectView(String auditId, String userId, List<String> connectionIds, int closeCode) {
}
