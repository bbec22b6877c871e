package io.careline.push.model;

import java.time.Instant;
import java.util.Collection;

/**
 * Pushes to write for one cause, one per device of each user on the given providers (or, for the webhook,
 * one per user): what caused it, the template and its allow-listed fields, and when it is due.
 *
 * @param collapseKey pushes with the same key to the same device merge while they wait (null: never)
 */
public record NewPush(String tenant, Collection<String> userIds, Collection<Channel> providers, String cause,
        String causeRef, Long sessionPk, Long causeSeq, String template, String fields, String collapseKey,
        String priority, Instant dueAt) {

    /** The same push to other users. */
    public NewPush to(Collection<String> users) {
        return new NewPush(tenant, users, providers, cause, causeRef, sessionPk, causeSeq, template, fields, collapseKey,
                priority, dueAt);
    }
}
