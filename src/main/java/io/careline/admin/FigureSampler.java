package io.careline.admin;

import io.careline.admin.api.NodeFigures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Turns this node's cumulative meters into figures over the interval since the previous sample: counters
 * into rates, and the delivery latency histogram's bucket counts into percentiles of that interval (as
 * Prometheus' {@code histogram_quantile} over a {@code rate} would). Not thread-safe: one sampler per timer.
 */
final class FigureSampler {
    private final MeterRegistry registry;
    private final String node;
    private final Map<String, Double> previousCounts = new HashMap<>();
    private double[] previousBuckets = new double[0];
    private long previousNanos = System.nanoTime();

    FigureSampler(MeterRegistry registry, String node) {
        this.registry = registry;
        this.node = node;
    }

    NodeFigures sample(Instant now) {
        long nanos = System.nanoTime();
        double seconds = Math.max(1e-3, (nanos - previousNanos) / 1e9);
        previousNanos = nanos;
        double pushSent = delta("careline.push.attempts.sent", counted("careline.push.attempts", "sent"));
        double pushAll = delta("careline.push.attempts", counted("careline.push.attempts", null));
        double[] latency = latencyPercentiles();
        return new NodeFigures(node, now, (int) gauge("careline.ws.connections"),
                delta("careline.messages.accepted", counted("careline.messages.accepted", null)) / seconds,
                delta("careline.notifications.sent", counted("careline.notifications.sent", null)) / seconds,
                delta("careline.ws.frames.delivered", counted("careline.ws.frames.delivered", null)) / seconds,
                latency == null ? null : latency[0], latency == null ? null : latency[1],
                pushAll / seconds, pushAll == 0 ? null : pushSent / pushAll,
                (int) gauge("careline.fanout.backlog"),
                delta("careline.fanout.publish.failures", counted("careline.fanout.publish.failures", null)) / seconds);
    }

    /** The sum of the named counters (all their tags), only those with {@code result} when it is given. */
    private double counted(String name, String result) {
        var search = registry.find(name);
        if (result != null) {
            search = search.tag("result", result);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private double gauge(String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double delta(String key, double now) {
        Double before = previousCounts.put(key, now);
        return before == null ? 0 : Math.max(0, now - before);
    }

    /** p50 and p99 in ms of the deliveries since the last sample, interpolated within a bucket; null if none. */
    private double[] latencyPercentiles() {
        Timer timer = registry.find("careline.ws.delivery.latency").timer();
        if (timer == null) {
            return null;
        }
        CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
        double[] counts = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            counts[i] = buckets[i].count() - (i < previousBuckets.length ? previousBuckets[i] : 0);
        }
        previousBuckets = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            previousBuckets[i] = buckets[i].count();
        }
        double total = buckets.length == 0 ? 0 : counts[buckets.length - 1];
        if (total <= 0) {
            return null;
        }
        return new double[] { quantile(buckets, counts, total * 0.5), quantile(buckets, counts, total * 0.99) };
    }

    /** Cumulative bucket counts, as Prometheus histograms keep them: the first bucket reaching {@code rank}. */
    private static double quantile(CountAtBucket[] buckets, double[] cumulative, double rank) {
        double lowerBound = 0;
        double lowerCount = 0;
        for (int i = 0; i < buckets.length; i++) {
            double upperBound = buckets[i].bucket(TimeUnit.MILLISECONDS);
            if (cumulative[i] >= rank) {
                double inBucket = cumulative[i] - lowerCount;
                return inBucket <= 0 ? upperBound
                        : lowerBound + (upperBound - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = upperBound;
            lowerCount = cumulative[i];
        }
        return lowerBound;
    }
}
