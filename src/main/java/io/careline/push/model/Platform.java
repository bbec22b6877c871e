package io.careline.push.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** What a device runs on. */
public enum Platform implements WireEnum {
    IOS, ANDROID, WEB, WECHAT;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static Platform fromWire(String value) {
        return WireEnum.parse(Platform.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown platform " + value));
    }
}
