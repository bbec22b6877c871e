package io.careline.conversation.append;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Business metrics of conversations, exported on the management port at /q/metrics. */
@ApplicationScoped
@Startup // registered at start, so the series exist (at 0) before the first message
public class ConversationMetrics {
    private final Counter accepted;
    private final DistributionSummary groupSize;

    ConversationMetrics(MeterRegistry registry) {
        this.accepted = Counter.builder("careline.messages.accepted")
                .description("Messages stored and acknowledged (retries not counted)").register(registry);
        this.groupSize = DistributionSummary.builder("careline.messages.group.size")
                .description("Sends written together in one transaction (group commit)").register(registry);
    }

    /** Called after the group's transaction committed: {@code stored} of its sends were new messages. */
    void groupWritten(int sends, int stored) {
        groupSize.record(sends);
        accepted.increment(stored);
    }
}
