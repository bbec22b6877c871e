package io.careline.push.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** The provider a push goes through: each speaks its own wire protocol (docs/push.md). */
public enum Channel implements WireEnum {
    FCM, APNS, WECHAT, WECHAT_MP, WEBHOOK;

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
            case WEBHOOK -> false;
        };
    }
}
