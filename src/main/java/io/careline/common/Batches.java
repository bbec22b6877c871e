package io.careline.common;

import java.util.ArrayList;
import java.util.List;

/** Splits a list into consecutive views of at most {@code size} elements: IN lists, multi-row inserts, pipelines. */
public final class Batches {
    private Batches() {
    }

    public static <T> List<List<T>> of(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }
}
