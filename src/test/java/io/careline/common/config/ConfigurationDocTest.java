package io.careline.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfig;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Every property Careline maps ({@code careline.*}) is a row of the README's configuration table. */
@QuarkusTest
class ConfigurationDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(careline\\.[a-z.{}-]+)` \\| `([A-Z_]+|-)` \\|",
            Pattern.MULTILINE);
    /** A row's {placeholder} stands for one segment: a tenant id or a key. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z]+}");

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
        List<Pattern> patterns = new ArrayList<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            String name = row.group(1);
            if (PLACEHOLDER.matcher(name).find()) {
                // Set in a properties file: environment names lose the case of tenant ids and keys.
                assertThat(row.group(2)).as("environment variable of " + name).isEqualTo("-");
                patterns.add(Pattern.compile(Arrays.stream(name.split("\\."))
                        .map(part -> PLACEHOLDER.matcher(part).matches() ? "[^.]+" : Pattern.quote(part))
                        .collect(Collectors.joining("\\."))));
                continue;
            }
            documented.add(name);
            assertThat(row.group(2)).as("environment variable of " + name)
                    .isEqualTo(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        Set<String> plain = mapped.stream().filter(name -> patterns.stream().noneMatch(p -> p.matcher(name).matches()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("careline.* properties in the README's configuration table")
                .containsAll(plain);
        assertThat(mapped).as("documented properties that exist").containsAll(documented);
        for (Pattern pattern : patterns) {
            assertThat(mapped).as("some property matches " + pattern).anyMatch(name -> pattern.matcher(name).matches());
        }
    }
}
