package io.careline.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's pauses a node logged after a mark: the lines {@code GC(n) Pause <kind> … <t>ms} that the
 * executable prints with {@code -XX:+PrintGC} and the JVM with {@code -Xlog:gc} ({@link WorkerProcess#nodeOptions}).
 */
record GcPauses(int count, double meanMillis, double maxMillis, int over50Millis, int full) {
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause (.*) (\\d+(?:\\.\\d+)?)ms\\s*$");

    /** How many pauses the log holds so far: pass it to {@link #since}. */
    static int mark(Path log) throws IOException {
        return pauses(log).size();
    }

    /** The pauses logged after the mark. */
    static GcPauses since(Path log, int mark) throws IOException {
        List<Matcher> pauses = pauses(log);
        List<Matcher> after = pauses.subList(Math.min(mark, pauses.size()), pauses.size());
        double[] millis = after.stream().mapToDouble(pause -> Double.parseDouble(pause.group(2))).toArray();
        return new GcPauses(millis.length, Arrays.stream(millis).average().orElse(0),
                Arrays.stream(millis).max().orElse(0),
                (int) Arrays.stream(millis).filter(pause -> pause > 50).count(),
                (int) after.stream().filter(pause -> pause.group(1).contains("Full")).count());
    }

    private static List<Matcher> pauses(Path log) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.map(PAUSE::matcher).filter(Matcher::find).toList();
        }
    }

    @Override
    public String toString() {
        return String.format("%d GC pauses, mean %.1f ms, longest %.1f ms, %d over 50 ms, %d full", count, meanMillis,
                maxMillis, over50Millis, full);
    }
}
