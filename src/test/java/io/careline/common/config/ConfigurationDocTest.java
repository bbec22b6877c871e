package io.careline.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfig;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Every property Careline maps ({@code careline.*}) is a row of the README's configuration table. */
@QuarkusTest
class ConfigurationDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(careline\\.[a-z.-]+)` \\| `([A-Z_]+)` \\|",
            Pattern.MULTILINE);

    @Inject
    SmallRyeConfig config;

    @Test
    void everyMappedPropertyIsDocumentedWithItsEnvironmentVariable() throws IOException {
        Set<String> mapped = new TreeSet<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("careline.")).forEach(mapped::add);
        // The defaults of every @ConfigMapping are property names too; a known one proves they were read.
        assertThat(mapped).contains("careline.messages.max-group-size", "careline.realtime.fanout-outbox-size");

        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            documented.add(row.group(1));
            assertThat(row.group(2)).as("environment variable of " + row.group(1))
                    .isEqualTo(row.group(1).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        assertThat(documented).as("careline.* properties in the README's configuration table")
                .containsAll(mapped);
        assertThat(mapped).as("documented properties that exist").containsAll(documented);
    }
}
