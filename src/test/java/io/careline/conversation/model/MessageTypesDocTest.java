package io.careline.conversation.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.common.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/message-types.md must list every type as the code defines it. After changing the catalogue, run this
 * test with -Dcareline.docs.write=true to rewrite the table.
 */
class MessageTypesDocTest {
    private static final Path DOC = Path.of("docs/message-types.md");
    private static final String BEGIN = "<!-- message-types:begin -->";
    private static final String END = "<!-- message-types:end -->";

    static String table() {
        String rows = java.util.Arrays.stream(MessageType.values()).map(type -> "| `" + type.wire() + "` | "
                + type.code() + " | " + authors(type.authors()) + " | "
                + (type.shape().fields().isEmpty() ? "—" : type.shape().fields().stream()
                        .map(f -> "`" + f.name() + "`" + (f.required() ? "" : "?") + ": " + f.kind().name().toLowerCase())
                        .collect(Collectors.joining(", ")))
                + " |").collect(Collectors.joining("\n"));
        return "| type | code | sent by | content fields (`?` optional) |\n|---|---|---|---|\n" + rows + "\n";
    }

    /** "anyone", "server", or the roles, lowercase. */
    static String authors(Authors authors) {
        if (authors == Authors.ANYONE || authors == Authors.SERVER) {
            return authors.name().toLowerCase();
        }
        return authors.roles().stream().map(Role::wire).collect(Collectors.joining(", "));
    }

    @Test
    void theDocumentListsEveryTypeWithItsCodeAndShape() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN) + BEGIN.length();
        int end = doc.indexOf(END);
        String expected = "\n" + table();
        if (Boolean.getBoolean("careline.docs.write")) {
            Files.writeString(DOC, doc.substring(0, begin) + expected + doc.substring(end));
            doc = Files.readString(DOC);
            end = doc.indexOf(END);
        }
        assertThat(doc.substring(begin, end)).isEqualTo(expected);
    }
}
