package io.careline.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Business metrics of conversations, exported on the management port at /q/metrics. */
@ApplicationScoped
public class ConversationMetrics {
    private final Counter accepted;

    ConversationMetrics(MeterRegistry registry) {
        this.accepted = Counter.builder("careline.messages.accepted")
                .description("Messages stored and acknowledged (retries not counted)").register(registry);
    }

    /** Called after the storing transaction committed. */
    void messageAccepted() {
        accepted.increment();
    }
}
