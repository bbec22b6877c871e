package io.careline.notification.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A page of the caller's notifications; {@code nextCursor} is null on the last page. */
@RegisterForReflection
public record NotificationPage(List<NotificationView> items, String nextCursor) {
}
