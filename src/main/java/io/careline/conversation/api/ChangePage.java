package io.careline.conversation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Changed messages a device holds, in the order they changed, each in its latest state; {@code lastChange} is
 * the change number the device has seen once it applied them (sync again from it when {@code hasMore}).
 */
@RegisterForReflection
public record ChangePage(List<MessageView> items, long lastChange, boolean hasMore) {
}
