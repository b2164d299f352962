package dev.gatehouse.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.domain.session.Session.RevokeReason;
import dev.gatehouse.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(30);

    private final Session session = Session.start(SessionId.newId(T0), UserId.newId(T0), T0, LIFETIME, null);

    @Test
    void isActiveUntilJustBeforeExpiry() {
        assertTrue(session.isActive(T0));
        assertTrue(session.isActive(T0.plus(LIFETIME).minusMillis(1)));
        assertFalse(session.isActive(T0.plus(LIFETIME)));
        assertEquals(ClientInfo.UNKNOWN, session.client());
    }

    @Test
    void revokeEndsTheSessionAndTheFirstReasonWins() {
        Instant first = T0.plusSeconds(60);
        session.revoke(first, RevokeReason.LOGOUT);
        assertFalse(session.isActive(first));
        assertFalse(session.isActive(T0), "a revoked session is inactive at any time");

        session.revoke(first.plusSeconds(60), RevokeReason.TOKEN_REUSE);
        assertEquals(first, session.revokedAt());
        assertEquals(RevokeReason.LOGOUT, session.revokeReason());
    }

    @Test
    void touchRecordsUseAndSlidesExpiry() {
        Instant later = T0.plus(Duration.ofDays(20));
        Instant newExpiry = later.plus(LIFETIME);
        session.touch(later, newExpiry);
        assertEquals(later, session.lastUsedAt());
        assertEquals(newExpiry, session.expiresAt());
        assertEquals(T0, session.createdAt());
        assertTrue(session.isActive(T0.plus(LIFETIME).plusSeconds(1)), "active past the original expiry");
    }

    @Test
    void aRevokedSessionCannotBeTouched() {
        session.revoke(T0.plusSeconds(1), RevokeReason.ADMIN);
        assertThrows(IllegalStateException.class, () -> session.touch(T0.plusSeconds(2), T0.plus(LIFETIME).plusSeconds(2)));
        assertEquals(T0, session.lastUsedAt());
        assertEquals(T0.plus(LIFETIME), session.expiresAt());
    }
}
