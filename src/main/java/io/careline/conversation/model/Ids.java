package io.careline.conversation.model;

import java.util.UUID;

/** Public ids: client-chosen ones follow {@link #PATTERN}, generated ones are 32 hex digits. */
public final class Ids {
    public static final String PATTERN = "[A-Za-z0-9_.:@-]+";

    private Ids() {
    }

    public static String generate() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
