package io.careline.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/errors.md lists every error code with the status the server really answers. */
class ErrorCodesDocTest {
    @Test
    void everyCodeIsDocumentedWithItsStatus() throws IOException {
        String doc = Files.readString(Path.of("docs/errors.md"));
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(doc).as(code.name()).contains("| `" + code.name() + "` | " + code.status() + " |");
        }
    }
}
