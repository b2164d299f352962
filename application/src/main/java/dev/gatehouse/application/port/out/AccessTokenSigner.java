package dev.gatehouse.application.port.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Signs and checks access tokens; knows keys and algorithms, not business rules. */
public interface AccessTokenSigner {
    String sign(AccessTokenClaims claims);

    /**
     * The claims of a token whose header and signature check out with one of our keys, or empty.
     * Expiry, issuer and audience are the caller's to judge.
     */
    Optional<AccessTokenClaims> verify(String token);

    /** The public keys, current and previous, as JWK objects. */
    List<Map<String, Object>> publicJwks();

    /** Makes a new signing key the active one; the previous stays valid for verification. Returns the new key id. */
    String rotate();

    /** Re-reads the key set, picking up keys another instance created or rotated. */
    void reload();
}
