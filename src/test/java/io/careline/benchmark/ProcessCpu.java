package io.careline.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CPU time of named processes between {@link #start()} and {@link #stop()}, and their memory, read from /proc. */
final class ProcessCpu {
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private final Map<String, Long> usedTicks = new LinkedHashMap<>();
    private long startNanos;
    private long stopNanos;

    ProcessCpu(Map<String, Long> pids) {
        pids.forEach((name, pid) -> {
            if (pid > 0) {
                this.pids.put(name, pid);
            }
        });
    }

    void add(String name, long pid) {
        pids.put(name, pid);
    }

    void start() {
        pids.forEach((name, pid) -> startTicks.put(name, ticks(pid)));
        startNanos = System.nanoTime();
    }

    void stop() {
        stopNanos = System.nanoTime();
        pids.forEach((name, pid) -> {
            long ticks = ticks(pid);
            // A process killed meanwhile has no figure: its time until the kill is gone with it.
            if (ticks >= 0) {
                usedTicks.put(name, ticks - startTicks.getOrDefault(name, 0L));
            }
        });
    }

    String summary() {
        double seconds = (stopNanos - startNanos) / 1e9;
        return usedTicks.entrySet().stream().map(e -> String.format("%s %.0f %%", e.getKey(),
                100 * e.getValue() / TICKS_PER_SECOND / seconds)).collect(Collectors.joining(", "));
    }

    /** CPU time the named process used between start and stop, in milliseconds. */
    double millis(String name) {
        return usedTicks.getOrDefault(name, 0L) * 1000 / TICKS_PER_SECOND;
    }

    /** The pid of the first process whose command is {@code name}, or -1. */
    static long pidOf(String name) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                    .filter(p -> name.equals(read(p.resolve("comm")).strip()))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Resident set size of a process in bytes, or 0 when it is gone. */
    static long rss(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "status")).lines()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(0);
    }

    /** utime + stime of a process, in clock ticks; -1 when it is gone. */
    private static long ticks(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        if (stat.isEmpty()) {
            return -1;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return fields.length > 12 ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) : 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException gone) {
            return "";
        }
    }
}
