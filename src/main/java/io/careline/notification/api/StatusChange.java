package io.careline.notification.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/**
 * What a recipient does to a notification; read and archive are independent of each other, and acknowledging
 * reads it too (it cannot be made unread after).
 */
public enum StatusChange implements WireEnum {
    READ, UNREAD, ARCHIVED, UNARCHIVED, ACKNOWLEDGED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }
}
