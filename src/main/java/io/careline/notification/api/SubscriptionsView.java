package io.careline.notification.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The rooms the caller is subscribed to. */
@RegisterForReflection
public record SubscriptionsView(List<String> rooms) {
}
