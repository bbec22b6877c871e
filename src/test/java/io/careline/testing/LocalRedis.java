package io.careline.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/** A private redis-server on a port of its own, which a test may stop and start again. */
public final class LocalRedis implements AutoCloseable {
    public final int port;
    private Process process;

    public LocalRedis() throws IOException {
        this.port = PackagedApp.freePort();
        start();
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() throws IOException {
        process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(this::answers);
    }

    public void stop() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
