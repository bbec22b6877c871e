package io.careline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.testing.PackagedApp;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Docker cannot run here, so check what can be: the image of the build that ran (native with -Dnative, else
 * JVM) copies paths that the build produced, and both images run as non-root.
 */
class ContainerImageIT {
    @Test
    void theImageCopiesWhatPackageProducesAndRunsAsNonRoot() throws IOException {
        boolean nativeBuild = !PackagedApp.NATIVE_EXECUTABLE.isEmpty();
        List<String> lines = Files.readAllLines(Path.of("src/main/docker",
                nativeBuild ? "Dockerfile.native-micro" : "Dockerfile.jvm"));
        List<String> sources = lines.stream().filter(line -> line.startsWith("COPY"))
                .map(line -> line.split("\\s+")).map(parts -> parts[parts.length - 2]).toList();
        assertThat(sources).hasSize(nativeBuild ? 1 : 4);
        for (String source : sources) {
            assertThat(matches(source)).as(source).isPositive();
        }
        assertThat(Files.readAllLines(Path.of("src/main/docker/Dockerfile.jvm"))).contains("USER 185");
        assertThat(Files.readAllLines(Path.of("src/main/docker/Dockerfile.native-micro"))).contains("USER 1001");
    }

    /** How many files or folders a COPY source (a path, possibly with a * in its last part) names. */
    private static int matches(String source) throws IOException {
        Path path = Path.of(source.endsWith("/") ? source.substring(0, source.length() - 1) : source);
        if (!path.getFileName().toString().contains("*")) {
            return Files.exists(path) ? 1 : 0;
        }
        int count = 0;
        try (DirectoryStream<Path> found = Files.newDirectoryStream(path.getParent(), path.getFileName().toString())) {
            for (Path ignored : found) {
                count++;
            }
        }
        return count;
    }
}
