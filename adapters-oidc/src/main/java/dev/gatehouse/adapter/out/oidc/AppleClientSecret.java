package dev.gatehouse.adapter.out.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;

/**
 * Sign in with Apple has no static client secret: the secret is an ES256 JWT signed with a key from the
 * developer account (issuer: the team id, subject: the client id, audience: Apple). Made on demand and
 * reused for an hour, well inside the six months Apple allows.
 */
public final class AppleClientSecret {
    static final String AUDIENCE = "https://appleid.apple.com";
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final String teamId;
    private final String keyId;
    private final ECPrivateKey key;
    private final Clock clock;
    private String current;
    private Instant renewAt = Instant.MIN;

    public AppleClientSecret(String teamId, String keyId, String privateKeyPem, Clock clock) {
        this.teamId = Objects.requireNonNull(teamId, "teamId");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.key = parse(Objects.requireNonNull(privateKeyPem, "privateKeyPem"));
        this.clock = clock;
    }

    /** The secret for {@code clientId}, fresh for at least half its lifetime. */
    synchronized String secretFor(String clientId) {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(renewAt)) {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(teamId).subject(clientId).audience(AUDIENCE)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(), claims);
            try {
                jwt.sign(new ECDSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign the Apple client secret", e);
            }
            current = jwt.serialize();
            renewAt = now.plus(LIFETIME.dividedBy(2));
        }
        return current;
    }

    /** The .p8 file Apple hands out: a PKCS#8 EC key in PEM. */
    private static ECPrivateKey parse(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalArgumentException("the Apple private key is not a PKCS#8 EC key in PEM", e);
        }
    }

    @Override
    public String toString() {
        return "AppleClientSecret[team=" + teamId + ", kid=" + keyId + "]";
    }
}
