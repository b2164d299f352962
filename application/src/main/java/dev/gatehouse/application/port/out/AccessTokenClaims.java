package dev.gatehouse.application.port.out;

import java.time.Instant;
import java.util.Objects;

/** The claims of an access token, as docs/http-api.md lists them. */
public record AccessTokenClaims(String issuer, String subject, String audience, Instant issuedAt, Instant expiresAt,
                                String jwtId, String sessionId, String role, boolean emailVerified) {
    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(jwtId, "jwtId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(role, "role");
    }
}
