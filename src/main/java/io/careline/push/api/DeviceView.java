package io.careline.push.api;

import io.careline.push.model.Channel;
import io.careline.push.model.ClientType;
import io.careline.push.model.Device;
import io.careline.push.model.Platform;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** One of the caller's devices; the token is shown only by its last characters. */
@RegisterForReflection
public record DeviceView(String deviceId, Platform platform, Channel provider, String tokenSuffix,
        ClientType clientType, String locale, String appVersion, Instant createdAt, Instant updatedAt) {

    public static DeviceView of(Device device) {
        String token = device.token;
        return new DeviceView(device.deviceId, device.platform, device.provider,
                token.substring(Math.max(0, token.length() - 6)), device.clientType, device.locale,
                device.appVersion, device.createdAt, device.updatedAt);
    }
}
