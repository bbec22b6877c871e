package io.careline.push.outbox;

import io.careline.push.model.Channel;
import io.careline.push.model.StoredFields;
import java.util.List;

/**
 * How the notifications a rule sends in this transaction are pushed: through the rule's channels, with its
 * template and the event's fields, instead of a notification's default push.
 */
public record PushPlan(List<Channel> channels, String template, StoredFields fields) {
}
