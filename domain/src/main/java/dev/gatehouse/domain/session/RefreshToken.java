package dev.gatehouse.domain.session;

import dev.gatehouse.domain.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One member of a session's refresh-token family, known only by its hash. Its single job is to
 * say what presenting it now means: rotate, replay inside the grace window, reuse, or nothing.
 */
public record RefreshToken(TokenHash hash, SessionId sessionId, Instant issuedAt, Instant expiresAt, Instant spentAt) {

    public enum Verdict {
        /** Live and unspent: spend it and issue the successor. */
        ROTATE,
        /** Spent a moment ago (two tabs racing): hand back the same successor. */
        REPLAY_SUCCESSOR,
        /** Spent earlier than the grace window allows: someone holds a copy. Revoke the family. */
        REUSE_DETECTED,
        /** Expired, or its session is over: refuse, change nothing. */
        NOT_VALID
    }

    public RefreshToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static RefreshToken issue(TokenHash hash, SessionId sessionId, Instant now, Duration lifetime) {
        return new RefreshToken(hash, sessionId, now, now.plus(lifetime), null);
    }

    public boolean isSpent() {
        return spentAt != null;
    }

    public Verdict assess(Instant now, Duration reuseGrace, boolean sessionUsable) {
        if (!sessionUsable) {
            return Verdict.NOT_VALID;
        }
        if (spentAt != null) {
            boolean withinGrace = !now.isAfter(spentAt.plus(reuseGrace));
            return withinGrace ? Verdict.REPLAY_SUCCESSOR : Verdict.REUSE_DETECTED;
        }
        if (!now.isBefore(expiresAt)) {
            return Verdict.NOT_VALID;
        }
        return Verdict.ROTATE;
    }

    public RefreshToken spend(Instant now) {
        if (spentAt != null) {
            throw new IllegalStateException("a refresh token is spent once");
        }
        return new RefreshToken(hash, sessionId, issuedAt, expiresAt, now);
    }
}
