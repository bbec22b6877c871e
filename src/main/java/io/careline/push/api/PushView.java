package io.careline.push.api;

import io.careline.push.model.Channel;
import io.careline.push.model.OutboxState;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * One push of the outbox, as admins see it (seed 001's push log): whom, through which channel, why, and how it
 * went. No token and no text: the text is rendered when the push leaves and kept nowhere.
 *
 * @param outcome delivered, or why it was skipped (online, read, muted, left, closed, quiet_hours,
 *        device_gone; for SMS and email acknowledged, no_address) or is dead (device_gone,
 *        attempts_exhausted, refused, channel_off, no_template)
 */
@RegisterForReflection
public record PushView(String pushId, String userId, String deviceId, Channel channel, String cause,
        String causeRef, OutboxState state, int attempts, int coalesced, String outcome, String lastError,
        Instant createdAt, Instant dueAt, Instant finishedAt) {
}
