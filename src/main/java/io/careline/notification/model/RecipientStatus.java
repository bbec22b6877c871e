package io.careline.notification.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/**
 * Where a notification stands for one recipient: {@code pending} until its frame is written to one of their
 * devices, then {@code delivered}, then {@code read}, then {@code acknowledged} when they acknowledged it
 * (which reads it too); {@code expired} when it expired unread; {@code failed} when no channel could deliver
 * it (set by offline push).
 */
public enum RecipientStatus implements WireEnum {
    PENDING, DELIVERED, READ, ACKNOWLEDGED, FAILED, EXPIRED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }
}
