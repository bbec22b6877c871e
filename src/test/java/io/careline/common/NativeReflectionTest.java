package io.careline.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.common.problem.Problem;
import io.careline.realtime.frame.ClientFrame;
import io.careline.realtime.frame.ServerFrame;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every record that crosses the wire or is built by a query carries {@code @RegisterForReflection}: the
 * native image cannot otherwise read or write it (problems came out as {}, frames as MALFORMED_JSON).
 */
class NativeReflectionTest {
    private static final Pattern PROJECTION = Pattern.compile("select new (io\\.careline\\.[\\w.]+)\\(");
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void wireRecordsAndQueryProjectionsAreRegistered() throws Exception {
        List<Class<?>> wire = new ArrayList<>();
        wire.addAll(apiRecords());
        wire.addAll(List.of(Class.forName("io.careline.user.UserView"), Class.forName("io.careline.user.UpsertUserRequest"),
                Problem.class, ClientFrame.class, Class.forName("io.careline.realtime.fanout.Envelope")));
        wire.addAll(Arrays.asList(ServerFrame.class.getPermittedSubclasses()));
        for (String projection : projections()) {
            wire.add(Class.forName(projection));
        }
        List<Class<?>> withNested = new ArrayList<>(wire);
        wire.forEach(type -> withNested.addAll(Arrays.stream(type.getDeclaredClasses()).filter(Class::isRecord).toList()));

        assertThat(withNested).hasSizeGreaterThan(30);
        assertThat(withNested).as("records without @RegisterForReflection")
                .allMatch(type -> type.isAnnotationPresent(RegisterForReflection.class));
    }

    /** The classes that HQL {@code select new} builds, read from the repositories' sources. */
    private static Set<String> projections() throws IOException {
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher match = PROJECTION.matcher(Files.readString(file));
                while (match.find()) {
                    classes.add(match.group(1));
                }
            }
        }
        assertThat(classes).as("the projections found").contains("io.careline.conversation.model.SessionRow");
        return classes;
    }

    /** The records of every feature's {@code api} package (a new feature's included). */
    private static List<Class<?>> apiRecords() throws Exception {
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.getParent().getFileName().toString().equals("api")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('/', '.').replace(".java", "");
                Class<?> type = Class.forName(name);
                if (type.isRecord()) {
                    records.add(type);
                }
            }
        }
        assertThat(records).as("the api records found").contains(Class.forName("io.careline.conversation.api.SessionView"));
        return records;
    }
}
