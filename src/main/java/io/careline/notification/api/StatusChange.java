package io.careline.notification.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** What a recipient does to a notification; read and archive are independent of each other. */
public enum StatusChange implements WireEnum {
    READ, UNREAD, ARCHIVED, UNARCHIVED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }
}
