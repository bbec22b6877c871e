package io.careline.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careline.common.problem.DomainException;
import org.junit.jupiter.api.Test;

class PageCursorTest {
    @Test
    void roundTrips() {
        PageCursor cursor = PageCursor.of(1, 1_763_856_000_123_456L, 42);
        assertThat(PageCursor.decode(cursor.encode(), 3)).isEqualTo(cursor);
    }

    @Test
    void refusesForeignOrMisshapenCursors() {
        assertThatThrownBy(() -> PageCursor.decode("%%%", 3)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> PageCursor.decode(PageCursor.of(1, 2).encode(), 3)).isInstanceOf(DomainException.class);
    }
}
