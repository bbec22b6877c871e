package io.careline.push.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;
import java.util.List;

/** How a rule reaches a recipient: their app (FCM or APNs), their WeChat, or the tenant's hospital system. */
public enum RuleChannel implements WireEnum {
    APP, WECHAT, WEBHOOK;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static RuleChannel fromWire(String value) {
        return WireEnum.parse(RuleChannel.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown channel " + value));
    }

    /** The providers this rule channel sends through (the webhook needs no device). */
    public List<Channel> providers() {
        return switch (this) {
            case APP -> List.of(Channel.FCM, Channel.APNS);
            case WECHAT -> List.of(Channel.WECHAT, Channel.WECHAT_MP);
            case WEBHOOK -> List.of(Channel.WEBHOOK);
        };
    }
}
