package dev.gatehouse.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The claims of an access token, as docs/http-api.md lists them: RFC 9068's (with {@code client_id}
 * and, when one was granted, {@code scope}) plus how the user signed in ({@code amr}, {@code aal}).
 */
public record AccessTokenClaims(String issuer, String subject, String audience, Instant issuedAt, Instant expiresAt,
                                String jwtId, String sessionId, String role, boolean emailVerified,
                                List<String> amr, String aal, String clientId, String scope) {
    /** What a token said before amr, aal and client_id were written: a password sign-in at Gatehouse's own API. */
    public static final List<String> DEFAULT_AMR = List.of("pwd");
    public static final String DEFAULT_AAL = "aal1";
    public static final String DEFAULT_CLIENT_ID = "gatehouse-web";

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(jwtId, "jwtId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(role, "role");
        amr = List.copyOf(Objects.requireNonNull(amr, "amr"));
        Objects.requireNonNull(aal, "aal");
        Objects.requireNonNull(clientId, "clientId");
    }

    /** A password sign-in at the first-party API, without scope. */
    public AccessTokenClaims(String issuer, String subject, String audience, Instant issuedAt, Instant expiresAt,
                             String jwtId, String sessionId, String role, boolean emailVerified) {
        this(issuer, subject, audience, issuedAt, expiresAt, jwtId, sessionId, role, emailVerified,
                DEFAULT_AMR, DEFAULT_AAL, DEFAULT_CLIENT_ID, null);
    }
}
