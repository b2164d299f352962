package dev.gatehouse.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.domain.session.RefreshToken.Verdict;
import dev.gatehouse.domain.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final RefreshToken fresh = RefreshToken.issue(TokenHash.of("token"), SessionId.newId(T0), T0, LIFETIME);

    @Test
    void aLiveUnspentTokenRotatesUntilJustBeforeExpiry() {
        assertEquals(T0.plus(LIFETIME), fresh.expiresAt());
        assertFalse(fresh.isSpent());
        assertEquals(Verdict.ROTATE, fresh.assess(T0, GRACE, true));
        assertEquals(Verdict.ROTATE, fresh.assess(T0.plus(LIFETIME).minusMillis(1), GRACE, true));
    }

    @Test
    void anExpiredTokenIsNotValid() {
        assertEquals(Verdict.NOT_VALID, fresh.assess(T0.plus(LIFETIME), GRACE, true));
        assertEquals(Verdict.NOT_VALID, fresh.assess(T0.plus(LIFETIME).plusSeconds(1), GRACE, true));
    }

    @Test
    void aSpentTokenIsReplayedUpToAndIncludingTheEndOfTheGraceWindow() {
        Instant spentAt = T0.plusSeconds(30);
        RefreshToken spent = fresh.spend(spentAt);
        assertTrue(spent.isSpent());
        assertEquals(spentAt, spent.spentAt());
        assertEquals(Verdict.REPLAY_SUCCESSOR, spent.assess(spentAt, GRACE, true));
        assertEquals(Verdict.REPLAY_SUCCESSOR, spent.assess(spentAt.plus(GRACE), GRACE, true));
        assertEquals(Verdict.REUSE_DETECTED, spent.assess(spentAt.plus(GRACE).plusMillis(1), GRACE, true));
    }

    @Test
    void withZeroGraceAnyLaterPresentationIsReuse() {
        RefreshToken spent = fresh.spend(T0);
        assertEquals(Verdict.REUSE_DETECTED, spent.assess(T0.plusMillis(1), Duration.ZERO, true));
    }

    @Test
    void anUnusableSessionMakesEveryTokenNotValid() {
        assertEquals(Verdict.NOT_VALID, fresh.assess(T0, GRACE, false));
        RefreshToken spent = fresh.spend(T0);
        assertEquals(Verdict.NOT_VALID, spent.assess(T0, GRACE, false));
        assertEquals(Verdict.NOT_VALID, spent.assess(T0.plus(GRACE).plusSeconds(1), GRACE, false), "no reuse alarm");
    }

    @Test
    void aTokenIsSpentOnce() {
        RefreshToken spent = fresh.spend(T0);
        assertThrows(IllegalStateException.class, () -> spent.spend(T0.plusSeconds(1)));
        assertFalse(fresh.isSpent(), "spend returns a new value");
    }
}
