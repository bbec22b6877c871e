package io.careline.common.paging;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** An opaque keyset cursor: the sort values of the last row of a page, base64url-encoded. */
public record PageCursor(List<Long> values) {

    public static PageCursor of(long... values) {
        return new PageCursor(java.util.Arrays.stream(values).boxed().toList());
    }

    public String encode() {
        String joined = String.join(":", values.stream().map(String::valueOf).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor that must hold exactly {@code size} values. */
    public static PageCursor decode(String cursor, int size) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != size) {
                throw new IllegalArgumentException("wrong arity");
            }
            return new PageCursor(java.util.Arrays.stream(parts).map(Long::parseLong).toList());
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.INVALID_CURSOR, "The cursor is not one this server issued.");
        }
    }

    public long get(int index) {
        return values.get(index);
    }
}
