package dev.gatehouse.adapter.out.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppleClientSecretTest {
    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void theSecretIsAnEs256JwtAppleCanVerifyWithTheTeamAndClient() throws Exception {
        KeyPair pair = p256();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        AppleClientSecret secret = new AppleClientSecret("TEAM123456", "KEY1234567", pem(pair), Clock.fixed(now, ZoneOffset.UTC));
        SignedJWT jwt = SignedJWT.parse(secret.secretFor("com.example.service"));
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertEquals("KEY1234567", jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic())));
        assertEquals("TEAM123456", jwt.getJWTClaimsSet().getIssuer());
        assertEquals("com.example.service", jwt.getJWTClaimsSet().getSubject());
        assertEquals(List.of("https://appleid.apple.com"), jwt.getJWTClaimsSet().getAudience());
        assertEquals(Duration.ofHours(1), Duration.between(jwt.getJWTClaimsSet().getIssueTime().toInstant(),
                jwt.getJWTClaimsSet().getExpirationTime().toInstant()));
    }

    @Test
    void theSecretIsReusedForHalfItsLifeThenRenewed() throws Exception {
        KeyPair pair = p256();
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        AppleClientSecret secret = new AppleClientSecret("T", "K", pem(pair), clock);
        String first = secret.secretFor("client");
        now[0] = now[0].plus(Duration.ofMinutes(29));
        assertEquals(first, secret.secretFor("client"));
        now[0] = now[0].plus(Duration.ofMinutes(2));
        assertNotEquals(first, secret.secretFor("client"));
    }

    @Test
    void aKeyThatIsNotAPkcs8EcKeyIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new AppleClientSecret("T", "K", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
                Clock.systemUTC()));
    }
}
