package io.careline.realtime.frame;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each close code tells the client whether to reconnect, as docs/protocol.md's ranges say. */
class CloseCodeTest {

    @ParameterizedTest
    @EnumSource(CloseCode.class)
    void reconnectFollowsTheDocumentedRanges(CloseCode close) {
        boolean askedNotTo = close.code() >= 4500 && close.code() <= 4999;
        assertThat(close.reconnect()).isEqualTo(!askedNotTo);
        assertThat(close.code() == 1009 || close.code() >= 4000 && close.code() <= 4999).isTrue();
    }

    @ParameterizedTest
    @EnumSource(CloseCode.class)
    void theCloseFrameCarriesTheCodeAndAShortReason(CloseCode close) {
        assertThat(close.reason().getCode()).isEqualTo(close.code());
        assertThat(close.reason().getMessage()).isNotBlank().hasSizeLessThan(123);
    }
}
