package io.careline.notification.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** A transition recorded in the notification log. */
public enum LogAction implements WireEnum {
    SENT, DELIVERED, READ, UNREAD, ARCHIVED, UNARCHIVED, ACKNOWLEDGED, ESCALATED, FAILED, EXPIRED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }
}
