package io.careline.push.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/**
 * The provider a push goes through: each speaks its own wire protocol (docs/push.md). Device providers deliver
 * to a registered device; the webhook goes to the tenant's hospital system, SMS and email to the address on the
 * user's profile (escalation fallbacks).
 */
public enum Channel implements WireEnum {
    FCM, APNS, WECHAT, WECHAT_MP, WEBHOOK, SMS, EMAIL;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static Channel fromWire(String value) {
        return WireEnum.parse(Channel.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown channel " + value));
    }

    /** The platforms a device registered with this provider may run on. */
    public boolean serves(Platform platform) {
        return switch (this) {
            case FCM -> platform != Platform.WECHAT;
            case APNS -> platform == Platform.IOS;
            case WECHAT, WECHAT_MP -> platform == Platform.WECHAT;
            case WEBHOOK, SMS, EMAIL -> false;
        };
    }

    /** Whether its pushes go to registered devices (one row per device) rather than one row per user. */
    public boolean toDevices() {
        return switch (this) {
            case FCM, APNS, WECHAT, WECHAT_MP -> true;
            case WEBHOOK, SMS, EMAIL -> false;
        };
    }

    /** Whether it reaches the user off the app, at the address on their profile, and only for escalations. */
    public boolean toContact() {
        return this == SMS || this == EMAIL;
    }
}
