package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.SessionId;
import java.time.Instant;

/** An access token and the refresh token shown to the client once. */
public record IssuedTokens(String access, Instant accessExpiresAt, String refresh, Instant refreshExpiresAt,
                           SessionId sessionId) {
    @Override
    public String toString() {
        return "IssuedTokens[session=" + sessionId + ", accessExpiresAt=" + accessExpiresAt + "]";
    }
}
