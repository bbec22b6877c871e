package io.careline.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Business metrics of conversations, exported on the management port at /q/metrics. */
@ApplicationScoped
public class ConversationMetrics {
    private final Counter accepted;
    private final DistributionSummary groupSize;

    ConversationMetrics(MeterRegistry registry) {
        this.accepted = Counter.builder("careline.messages.accepted")
                .description("Messages stored and acknowledged (retries not counted)").register(registry);
        this.groupSize = DistributionSummary.builder("careline.messages.group.size")
                .description("Sends written together in one transaction (group commit)").register(registry);
    }

    void groupWritten(int sends) {
        groupSize.record(sends);
    }

    /** Called after the storing transaction committed. */
    void messageAccepted() {
        accepted.increment();
    }
}
