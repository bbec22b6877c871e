package io.careline.notification.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;
import java.util.Optional;

/**
 * How loudly a notification arrives; {@code urgent} also passes quiet hours and disabled types. Request bodies
 * may also use FHIR's request priorities: {@code routine} is {@code normal}; {@code asap} and {@code stat}
 * are {@code urgent}, like FHIR's own {@code urgent}, which shares Careline's name (docs/notifications.md).
 */
public enum NotificationPriority implements WireEnum {
    LOW, NORMAL, HIGH, URGENT;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static NotificationPriority fromWire(String value) {
        return WireEnum.parse(NotificationPriority.class, value).or(() -> fhir(value))
                .orElseThrow(() -> new IllegalArgumentException("unknown priority " + value));
    }

    /** FHIR's request priorities (routine, urgent, asap, stat) that are not Careline's own names. */
    private static Optional<NotificationPriority> fhir(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value) {
            case "routine" -> Optional.of(NORMAL);
            case "asap", "stat" -> Optional.of(URGENT);
            default -> Optional.empty();
        };
    }

    /** The order of {@code sort=priority}: urgent first. */
    public int rank() {
        return ordinal();
    }

    public static NotificationPriority ofRank(int rank) {
        return values()[rank];
    }
}
