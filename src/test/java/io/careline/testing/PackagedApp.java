package io.careline.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The application as operators run it: target/quarkus-app started as its own process, configured by env. */
public final class PackagedApp implements AutoCloseable {
    public static final String DATABASE = "careline_it";
    /** The native executable when the build is native ({@code -Dnative}), else empty: the jar runs. */
    public static final String NATIVE_EXECUTABLE = System.getProperty("native.image.path", "");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    public final int httpPort;
    public final int managementPort;

    private PackagedApp(Process process, int httpPort, int managementPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /** Starts the packaged application and waits until it reports ready. */
    public static PackagedApp start(Map<String, String> extraEnv) throws IOException {
        return start(extraEnv, List.of());
    }

    /**
     * Starts the packaged application with JVM options (heap size, say) and waits until it is ready. An empty
     * value in {@code extraEnv} leaves that variable unset.
     */
    public static PackagedApp start(Map<String, String> extraEnv, List<String> jvmOptions) throws IOException {
        int http = freePort();
        int management = freePort();
        while (management == http) { // the kernel may hand out a just-closed port again
            management = freePort();
        }
        List<String> command = new ArrayList<>();
        if (NATIVE_EXECUTABLE.isEmpty()) {
            command.add("java");
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        } else {
            // The executable takes the heap options (-Xmx) the JVM would.
            command.add(NATIVE_EXECUTABLE);
            command.addAll(jvmOptions);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "packaged-app-" + http + ".log").toFile()); // log()
        Map<String, String> env = new HashMap<>(Map.of(
                "HTTP_PORT", String.valueOf(http),
                "MANAGEMENT_PORT", String.valueOf(management),
                "DB_URL", "jdbc:mysql://127.0.0.1:3306/" + DATABASE + "?createDatabaseIfNotExist=true",
                "JWT_PUBLIC_KEY_LOCATION", "file:src/dev/keys/publicKey.pem"));
        env.putAll(extraEnv);
        env.values().removeIf(String::isEmpty);
        builder.environment().putAll(env);
        PackagedApp app = new PackagedApp(builder.start(), http, management);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> app.readinessStatus() == 200);
        return app;
    }

    public URI api(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** The readiness probe's HTTP status, or -1 when nothing answers. */
    public int readinessStatus() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The node's Prometheus metrics, as /q/metrics on the management port gives them. */
    public String metrics() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Kills the process at once (SIGKILL), as a crashed node or an OOM kill would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Sends SIGTERM, as Kubernetes does when it stops a pod. */
    public void terminate() {
        process.destroy();
    }

    public Process process() {
        return process;
    }

    /** Where the process's output goes (its log, and the collector's lines when it was started to print them). */
    public Path log() {
        return Path.of("target", "packaged-app-" + httpPort + ".log");
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
