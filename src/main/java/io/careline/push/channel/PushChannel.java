package io.careline.push.channel;

import io.careline.push.model.Channel;
import java.util.concurrent.CompletionStage;

/** A provider's wire protocol: sends one push and says how it ended; never throws for a provider's refusal. */
public interface PushChannel {
    Channel channel();

    /** False when its credentials are not configured: its pushes are dead with outcome {@code channel_off}. */
    boolean configured();

    CompletionStage<SendResult> send(Outgoing push);
}
