package io.careline.common.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list. Lists fetch one row more than the page holds: that row's presence says
 * whether another page follows, and the page's last row is where the next one starts.
 */
public record KeysetPage<T>(List<T> items, boolean hasMore) {

    /** The page of {@code limit} rows out of {@code rows}, which were fetched with a limit of {@code limit + 1}. */
    public static <T> KeysetPage<T> of(List<T> rows, int limit) {
        boolean hasMore = rows.size() > limit;
        return new KeysetPage<>(hasMore ? List.copyOf(rows.subList(0, limit)) : rows, hasMore);
    }

    /** The cursor of the next page (the sort position of this page's last row), or null on the last page. */
    public String nextCursor(Function<T, PageCursor> positionOf) {
        return hasMore ? positionOf.apply(items.get(items.size() - 1)).encode() : null;
    }

    public <R> List<R> map(Function<T, R> view) {
        return items.stream().map(view).toList();
    }
}
