package io.careline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.testing.PackagedApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser side against two packaged nodes (the jar, or the native executable in CI): the SDK's tests
 * (src/test/web/sdk.test.mjs) and the console's, in headless Chromium driven by Playwright
 * (src/test/web/console.test.mjs), run by Node.js's test runner. Their report is target/web-tests.log.
 */
class WebClientsIT {
    private static final Path WEB_TESTS = Path.of("src", "test", "web");
    private static final Path REPORT = Path.of("target", "web-tests.log");

    static PackagedApp nodeA;
    static PackagedApp nodeB;
    /** Where the tests' identity provider (src/test/web/fake-idp.mjs) listens; the nodes name it as issuer. */
    static int idpPort;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        idpPort = PackagedApp.freePort();
        Map<String, String> fast = Map.of("CARELINE_REALTIME_PRESENCE_TTL", "3s",
                "CARELINE_REALTIME_PRESENCE_HEARTBEAT", "1s", "CARELINE_ADMIN_FIGURES_INTERVAL", "1s",
                "CARELINE_CONSOLE_OIDC_ISSUER", "http://127.0.0.1:" + idpPort,
                "CARELINE_CONSOLE_OIDC_CLIENT_ID", "careline-console");
        nodeA = PackagedApp.start(fast);
        nodeB = PackagedApp.start(fast);
        Path installLog = Path.of("target", "web-tests-install.log");
        assertThat(run(List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"), WEB_TESTS.toFile(),
                installLog, Map.of())).as("npm ci in %s (see %s)", WEB_TESTS, installLog).isZero();
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void theSdkAndTheConsolePassTheirTestsAgainstTwoNodes() throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "--experimental-websocket", "--test",
                "--test-concurrency=1", "--test-reporter=spec"));
        try (var files = Files.list(WEB_TESTS)) {
            files.map(Path::toString).filter(name -> name.endsWith(".test.mjs")).sorted().forEach(command::add);
        }
        int exit = run(command, new File("."), REPORT, Map.of(
                "CARELINE_NODES", "http://127.0.0.1:" + nodeA.httpPort + ",http://127.0.0.1:" + nodeB.httpPort,
                "CARELINE_JWT_KEY", "src/dev/keys/privateKey.pem",
                "CARELINE_FAKE_IDP_PORT", String.valueOf(idpPort),
                "CARELINE_SCREENSHOTS", "target/console-screenshots"));
        String report = Files.readString(REPORT);
        System.out.println(report);
        assertThat(exit).as("node --test exit code (report: %s)", REPORT).isZero();
        // The spec reporter's summary: tests ran, none failed.
        assertThat(report).contains("ℹ fail 0").doesNotContain("ℹ pass 0");
    }

    private static int run(List<String> command, File directory, Path output, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " took over 10 minutes; see " + output);
        }
        return process.exitValue();
    }
}
