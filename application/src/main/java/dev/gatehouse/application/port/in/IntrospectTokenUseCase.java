package dev.gatehouse.application.port.in;

import java.time.Instant;

/**
 * What a resource server may learn about a token it was handed (RFC 7662): whether it is live right
 * now, and if so whose it is. An access token whose session was revoked is inactive at once, before
 * its expiry; so is any refresh token that could no longer be rotated.
 */
public interface IntrospectTokenUseCase {
    enum TokenType { ACCESS_TOKEN, REFRESH_TOKEN }

    /** An active token's facts; {@link #INACTIVE} says nothing else, whatever the reason. */
    record Introspection(boolean active, TokenType tokenType, String subject, String username, String clientId,
                         String scope, Instant issuedAt, Instant expiresAt, String issuer, String audience,
                         String jwtId, String sessionId) {
        public static final Introspection INACTIVE =
                new Introspection(false, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** {@code typeHint} may be null; a wrong hint only costs the other lookup (RFC 7662 §2.1). */
    Introspection introspect(String token, TokenType typeHint);
}
