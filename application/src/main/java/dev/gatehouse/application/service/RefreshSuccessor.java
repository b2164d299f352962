package dev.gatehouse.application.service;

import dev.gatehouse.domain.token.OpaqueToken;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives a refresh token's successor from the token itself with a keyed HMAC. Two tabs racing on
 * one token must both receive the same successor, yet only hashes are stored: deriving it again
 * from the presented token, instead of keeping it, gives both. Without the key nobody can compute
 * a successor, so a stolen spent token is worth nothing.
 */
public final class RefreshSuccessor {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public RefreshSuccessor(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public OpaqueToken of(OpaqueToken presented) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update("gatehouse/refresh-successor/v1|".getBytes(StandardCharsets.US_ASCII));
            return OpaqueToken.fromBytes(mac.doFinal(presented.value().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
