package io.careline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Docker cannot run here, so check what can be: the JVM image copies paths that the build produced. */
class ContainerImageIT {
    @Test
    void theJvmImageCopiesWhatPackageProducesAndRunsAsNonRoot() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/docker/Dockerfile.jvm"));
        List<String> sources = lines.stream().filter(line -> line.startsWith("COPY"))
                .map(line -> line.split("\\s+")[2]).toList();
        assertThat(sources).hasSize(4);
        for (String source : sources) {
            assertThat(matches(source)).as(source).isPositive();
        }
        assertThat(lines).contains("USER 185");
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
