package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.SessionId;
import java.time.Instant;

/**
 * An access token and the refresh token shown to the client once, with the session's client and granted
 * scope (null: none), which an OAuth token response repeats.
 */
public record IssuedTokens(String access, Instant accessExpiresAt, String refresh, Instant refreshExpiresAt,
                           SessionId sessionId, String clientId, String scope) {
    public IssuedTokens(String access, Instant accessExpiresAt, String refresh, Instant refreshExpiresAt, SessionId sessionId) {
        this(access, accessExpiresAt, refresh, refreshExpiresAt, sessionId, null, null);
    }

    @Override
    public String toString() {
        return "IssuedTokens[session=" + sessionId + ", accessExpiresAt=" + accessExpiresAt + "]";
    }
}
