package io.careline.notification.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Which of the caller's notifications a status change changed (those already so are not listed). */
@RegisterForReflection
public record StatusResult(StatusChange change, List<String> changed) {
}
