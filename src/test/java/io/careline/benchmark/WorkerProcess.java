package io.careline.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.testing.PackagedApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link LoadWorker} (or {@link FailoverWorker}) running as a process of its own: started with -Dload.*
 * properties, its output echoed, its {@code [load-*]} marker lines passed to a listener and its
 * {@code [load-result]} JSON line returned.
 */
final class WorkerProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final CompletableFuture<JsonNode> result;

    private WorkerProcess(Process process, Consumer<String> markers) {
        this.process = process;
        this.result = CompletableFuture.supplyAsync(() -> readResult(markers));
    }

    /** Starts {@link LoadWorker} {@code index} with the given -Dload.* properties (without the prefix). */
    static WorkerProcess start(int index, Map<String, Object> properties, Consumer<String> markers)
            throws IOException {
        return start(LoadWorker.class, index, properties, markers);
    }

    /** Starts worker {@code index}, the main class given, with the given -Dload.* properties. */
    static WorkerProcess start(Class<?> main, int index, Map<String, Object> properties, Consumer<String> markers)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), "-Dload.worker=" + index));
        properties.forEach((name, value) -> command.add("-Dload." + name + "=" + value));
        command.add(main.getName());
        Process process = new ProcessBuilder(command)
                .redirectError(Path.of("target", "load-worker-" + index + ".err").toFile()).start();
        return new WorkerProcess(process, markers);
    }

    long pid() {
        return process.pid();
    }

    CompletableFuture<JsonNode> result() {
        return result;
    }

    /** Lets a worker started with {@code hold=true} close its connections and exit. */
    void release() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private JsonNode readResult(Consumer<String> markers) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println(line);
                if (line.startsWith("[load-result] ")) {
                    return JSON.readTree(line.substring("[load-result] ".length()));
                }
                if (line.startsWith("[load-")) {
                    markers.accept(line);
                }
            }
            throw new IllegalStateException("a load worker ended without a result; see target/load-worker-*.err");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * JVM options of a node: the heap, the collector's pauses printed to its log ({@link GcPauses}), and on the JVM
     * a small-footprint collector and thread stacks.
     */
    static List<String> nodeOptions(String heap) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap));
        if (PackagedApp.NATIVE_EXECUTABLE.isEmpty()) {
            options.addAll(List.of("-XX:+UseSerialGC", "-Xss256k", "-Xlog:gc"));
        } else {
            options.add("-XX:+PrintGC");
        }
        // e.g. -Dbench.ws.nodeJvm=-XX:StartFlightRecording=filename=target/node.jfr to profile the nodes
        options.addAll(List.of(System.getProperty("bench.ws.nodeJvm", "").split(" ")).stream()
                .filter(option -> !option.isBlank()).toList());
        return options;
    }
}
