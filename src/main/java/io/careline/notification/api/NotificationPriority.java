package io.careline.notification.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** How loudly a notification arrives; {@code urgent} also passes quiet hours and disabled types. */
public enum NotificationPriority implements WireEnum {
    LOW, NORMAL, HIGH, URGENT;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static NotificationPriority fromWire(String value) {
        return WireEnum.parse(NotificationPriority.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown priority " + value));
    }

    /** The order of {@code sort=priority}: urgent first. */
    public int rank() {
        return ordinal();
    }

    public static NotificationPriority ofRank(int rank) {
        return values()[rank];
    }
}
