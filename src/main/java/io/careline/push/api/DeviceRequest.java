package io.careline.push.api;

import io.careline.push.model.Channel;
import io.careline.push.model.ClientType;
import io.careline.push.model.Platform;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device registration: where the provider reaches the app, and what the app is. */
@RegisterForReflection
public record DeviceRequest(
        @NotNull Platform platform,
        @Schema(description = "fcm, apns (ios), wechat (Official Account openid) or wechat_mp (mini-program openid)")
        @NotNull Channel provider,
        @Schema(description = "The FCM registration token, APNs device token or WeChat openid")
        @NotNull @Size(min = 1, max = 512) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII")
        String token,
        @NotNull ClientType clientType,
        @Schema(description = "BCP 47 language tag the pushes are written in, e.g. en or zh-CN; en when absent")
        @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", message = "must be a BCP 47 tag")
        String locale,
        @Size(max = 32) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII") String appVersion) {
}
