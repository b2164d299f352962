package dev.gatehouse.adapter.in.rest.oauth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one confidential client: the resource servers' introspection credentials (AUTH_OAUTH_INTROSPECTION_CLIENT_ID,
 * AUTH_OAUTH_INTROSPECTION_SECRET). Both unset: introspection is off, and discovery does not advertise it.
 * Compared in constant time, as SHA-256 digests, so neither the content nor the length of a guess shows in
 * the time of the answer.
 */
@Context
public final class IntrospectionCredentials {
    private final byte[] id;
    private final byte[] secret;

    public IntrospectionCredentials(@Nullable @Value("${auth.oauth.introspection-client-id:}") String id,
                                    @Nullable @Value("${auth.oauth.introspection-secret:}") String secret) {
        boolean hasId = id != null && !id.isBlank();
        boolean hasSecret = secret != null && !secret.isBlank();
        if (hasId != hasSecret) {
            throw new IllegalStateException("Set both AUTH_OAUTH_INTROSPECTION_CLIENT_ID and AUTH_OAUTH_INTROSPECTION_SECRET, or neither");
        }
        if (hasSecret && secret.length() < 16) {
            throw new IllegalStateException("AUTH_OAUTH_INTROSPECTION_SECRET must have at least 16 characters");
        }
        this.id = hasId ? digest(id) : null;
        this.secret = hasSecret ? digest(secret) : null;
    }

    public boolean configured() {
        return id != null;
    }

    /** @throws OAuthError invalid_client unless the Basic header carries exactly the configured pair */
    public void check(String authorization) {
        OAuthParameters.BasicCredentials given = OAuthParameters.basic(authorization)
                .orElseThrow(() -> OAuthError.invalidClient("Introspection needs HTTP Basic client authentication."));
        if (!configured()) {
            throw OAuthError.invalidClient("Introspection is not enabled on this server.");
        }
        // Both compared, always: no early exit tells which half was wrong.
        boolean idMatches = MessageDigest.isEqual(id, digest(given.id()));
        boolean secretMatches = MessageDigest.isEqual(secret, digest(given.secret()));
        if (!(idMatches & secretMatches)) {
            throw OAuthError.invalidClient("Client authentication failed.");
        }
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
