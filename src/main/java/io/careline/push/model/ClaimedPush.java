package io.careline.push.model;

import java.time.Instant;

/**
 * A push a worker holds under its lease, with the device it goes to as it is now (null when the device was
 * logged out or removed since, and always for webhook pushes, which go to the tenant's hospital system).
 *
 * @param attempt the attempt this claim is (1 for the first); marking the row names it, so that a worker
 *        whose lease expired and was taken over cannot overwrite the newer attempt's result
 */
public record ClaimedPush(long pk, String tenant, String userId, Channel channel, String pushId, String cause,
        String causeRef, Long sessionPk, Long causeSeq, String template, String fields, String collapseKey,
        int coalesced, String priority, int attempt, Instant createdAt, Target device) {

    /** Where the provider delivers it. */
    public record Target(long pk, String token, String locale, Platform platform) {
    }
}
