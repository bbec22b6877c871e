package io.careline.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.testing.Actor;
import io.careline.testing.PackagedApp;
import io.careline.testing.Tokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verification key comes from a location or inline, as the README documents both. */
class JwtKeyIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    final Actor doctor = Actor.of(Tokens.freshTenant(), "dr-key", "doctor");

    private static int me(PackagedApp app, String token) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(app.api("/api/v1/me")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anInlineKeyWithoutALocationVerifiesTokens() throws Exception {
        String pem = Files.readString(Path.of("src/dev/keys/publicKey.pem"));
        String inline = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try (PackagedApp app = PackagedApp.start(Map.of("JWT_PUBLIC_KEY_LOCATION", "",
                "MP_JWT_VERIFY_PUBLICKEY", inline))) {
            assertThat(me(app, doctor.token())).isEqualTo(200);
            assertThat(me(app, doctor.token() + "x")).isEqualTo(401);
        }
    }

    @Test
    void aKeyLocationVerifiesTokens() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("JWT_PUBLIC_KEY_LOCATION", "file:src/dev/keys/publicKey.pem"))) {
            assertThat(me(app, doctor.token())).isEqualTo(200);
            assertThat(me(app, doctor.token() + "x")).isEqualTo(401);
        }
    }
}
