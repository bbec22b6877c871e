package io.careline.common;

import java.util.Collections;

/** Placeholders of native SQL whose number depends on the data: IN lists, the rows of multi-row inserts. */
public final class SqlMarks {
    private SqlMarks() {
    }

    /** {@code count} question marks, comma-separated, for an IN list. */
    public static String of(int count) {
        return repeat("?", count);
    }

    /** {@code count} copies of one row's or one condition's placeholders, comma-separated. */
    public static String repeat(String one, int count) {
        return String.join(",", Collections.nCopies(count, one));
    }
}
