package io.careline.push.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature scheme: {@code v1=hex(HMAC-SHA256(secret, timestamp + "." + body))}, one per secret, so
 * that a receiver rotating its secret accepts either while both are configured.
 */
public final class WebhookSignature {
    public static final String DELIVERY = "Careline-Delivery";
    public static final String TIMESTAMP = "Careline-Timestamp";
    public static final String SIGNATURE = "Careline-Signature";

    private WebhookSignature() {
    }

    public static String header(List<String> secrets, long timestamp, String body) {
        return secrets.stream().map(secret -> "v1=" + sign(secret, timestamp, body)).collect(Collectors.joining(", "));
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
