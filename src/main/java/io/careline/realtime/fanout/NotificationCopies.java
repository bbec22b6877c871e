package io.careline.realtime.fanout;

import io.careline.realtime.frame.ServerFrame;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What differs between the copies of one notification: per recipient, in the envelope's recipient order,
 * its nseq and whether it arrives silent. A notification to 10,000 users is one envelope of about 200 kB,
 * not 10,000 envelopes in the fan-out's outbox.
 *
 * @param notificationPk the key each delivery receipt names
 */
@RegisterForReflection
public record NotificationCopies(long notificationPk, long[] nseqs, boolean[] silent) {

    /** The recipient's copy of the shared frame, which lacks nseq and silent. */
    public static String copy(String sharedFrame, long nseq, boolean silent) {
        return ServerFrame.Notification.SHARED_PREFIX + "\"nseq\":" + nseq + ",\"silent\":" + silent + ","
                + sharedFrame.substring(ServerFrame.Notification.SHARED_PREFIX.length());
    }
}
