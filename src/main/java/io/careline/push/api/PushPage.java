package io.careline.push.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A page of the outbox, newest first. */
@RegisterForReflection
public record PushPage(List<PushView> items, String nextCursor) {
}
