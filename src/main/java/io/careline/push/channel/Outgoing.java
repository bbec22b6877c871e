package io.careline.push.channel;

import io.careline.push.api.PushText;
import java.util.Map;

/**
 * One push as a channel sends it: rendered text, badge, the ids the app opens it with, and the provider
 * idempotency key.
 *
 * @param token the device's provider token, or the phone number (SMS) or address (email) on the profile; null
 *        for the webhook
 * @param template the template key (message, notification, consultation) or the rule's scenario
 * @param data opaque ids only (push id, session id, notification id), never content
 */
public record Outgoing(String pushId, String tenant, String userId, String token, String template, PushText text,
        long badge, String collapseKey, boolean urgent, Map<String, String> data) {
}
