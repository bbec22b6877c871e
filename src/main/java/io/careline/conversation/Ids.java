package io.careline.conversation;

import java.util.UUID;

/** Public ids: client-chosen ones follow {@link #PATTERN}, generated ones are 32 hex digits. */
final class Ids {
    static final String PATTERN = "[A-Za-z0-9_.:@-]+";

    private Ids() {
    }

    static String generate() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
