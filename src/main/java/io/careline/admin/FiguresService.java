package io.careline.admin;

import io.careline.admin.api.FiguresView;
import io.careline.admin.api.NodeFigures;
import io.careline.common.security.Caller;
import io.careline.push.OutboxAdminService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/** The live figures for the monitor: every node's, their total, and the tenant's push outbox. */
@ApplicationScoped
public class FiguresService {
    static final String TOTAL = "all";

    @Inject
    FigureBoard board;

    @Inject
    OutboxAdminService outbox;

    public FiguresView figures(Caller caller) {
        List<NodeFigures> nodes = board.read();
        return new FiguresView(nodes, total(nodes), outbox.countByState(caller));
    }

    static NodeFigures total(List<NodeFigures> nodes) {
        double attempts = sum(nodes, NodeFigures::pushAttemptsPerSecond);
        double sent = nodes.stream().filter(n -> n.pushSuccessRate() != null)
                .mapToDouble(n -> n.pushSuccessRate() * n.pushAttemptsPerSecond()).sum();
        return new NodeFigures(TOTAL, nodes.stream().map(NodeFigures::sampledAt).max(Instant::compareTo).orElse(null),
                (int) sum(nodes, NodeFigures::connections), sum(nodes, NodeFigures::messagesPerSecond),
                sum(nodes, NodeFigures::notificationsPerSecond), sum(nodes, NodeFigures::framesDeliveredPerSecond),
                worst(nodes.stream().map(NodeFigures::deliveryLatencyP50Ms).toList()),
                worst(nodes.stream().map(NodeFigures::deliveryLatencyP99Ms).toList()),
                attempts, attempts == 0 ? null : sent / attempts, (int) sum(nodes, NodeFigures::fanoutBacklog),
                sum(nodes, NodeFigures::fanoutFailuresPerSecond));
    }

    private static double sum(List<NodeFigures> nodes, ToDoubleFunction<NodeFigures> figure) {
        return nodes.stream().mapToDouble(figure).sum();
    }

    private static Double worst(List<Double> values) {
        return values.stream().filter(Objects::nonNull).max(Double::compareTo).orElse(null);
    }
}
