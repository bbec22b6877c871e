package io.careline.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** Careline's principal reads every claim exactly as smallrye-jwt's own does, standard or not. */
class CarelinePrincipalTest {
    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("dr-1");
        claims.setIssuer("https://idp.example.org");
        // Fixed times: both principals must read the same claims, whenever the second turns between them.
        claims.setIssuedAt(NumericDate.fromSeconds(1_796_506_607L));
        claims.setExpirationTime(NumericDate.fromSeconds(1_796_507_207L));
        claims.setStringListClaim("groups", "doctor", "admin");
        claims.setClaim("tenant", "hospital-a");
        claims.setClaim("name", "Dr Wang");
        claims.setClaim("platform", 42);
        claims.setClaim("extra", Map.of("ward", List.of("3A")));
        return claims;
    }

    @Test
    void everyClaimReadsAsTheStandardPrincipalReadsIt() {
        CarelinePrincipal ours = new CarelinePrincipal("JWT", claims());
        DefaultJWTCallerPrincipal standard = new DefaultJWTCallerPrincipal("JWT", claims());
        for (String claim : List.of("sub", "iss", "exp", "iat", "groups", "tenant", "name", "platform", "extra",
                "absent", "Tenant", "UNKNOWN")) {
            assertThat((Object) ours.getClaim(claim)).as(claim).isEqualTo(standard.getClaim(claim));
        }
        assertThat((String) ours.getClaim("tenant")).isEqualTo("hospital-a");
        assertThat(ours.getGroups()).containsExactlyInAnyOrder("doctor", "admin");
    }
}
