package dev.gatehouse.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.SessionRepository.TokenInFamily;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.session.Assurance;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.session.RefreshToken;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class JdbcSessionRepositoryTest extends PostgresTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LIFETIME = Duration.ofDays(30);

    @Inject
    JdbcSessionRepository sessions;
    @Inject
    JdbcUserRepository users;
    @Inject
    Transactions transactions;
    @Inject
    io.micronaut.data.jdbc.runtime.JdbcOperations jdbc;

    private record Started(User user, Session session, OpaqueToken token, RefreshToken stored) {
    }

    private Started start(User user, Instant now) {
        Session session = Session.start(SessionId.newId(now), user.id(), now, LIFETIME, new ClientInfo("curl/8\u0007", "127.0.0.1"));
        OpaqueToken token = OpaqueToken.generate(RANDOM);
        RefreshToken stored = RefreshToken.issue(token.hash(), session.id(), now, LIFETIME);
        sessions.insert(session, stored);
        return new Started(user, session, token, stored);
    }

    private User user() {
        User user = newUser("s." + unique() + "@example.com", null);
        users.insert(user);
        return user;
    }

    @Test
    void aSessionKeepsHowItWasOpenedAndForWhichClient() {
        Instant now = now();
        User user = user();
        Session session = Session.start(SessionId.newId(now), user.id(), now, LIFETIME, ClientInfo.UNKNOWN,
                Assurance.of(Assurance.Level.AAL2, Assurance.Method.PWD, Assurance.Method.OTP), "mobile-app", "openid profile");
        OpaqueToken token = OpaqueToken.generate(RANDOM);
        sessions.insert(session, RefreshToken.issue(token.hash(), session.id(), now, LIFETIME));

        Session found = transactions.inTransaction(() -> sessions.lockRefreshToken(token.hash())).orElseThrow().session();
        assertEquals(List.of("pwd", "otp"), found.assurance().amr());
        assertEquals(Assurance.Level.AAL2, found.assurance().level());
        assertEquals("mobile-app", found.clientId());
        assertEquals("openid profile", found.scope());

        Session plain = start(user, now).session();
        Session plainFound = sessions.findWithUser(plain.id()).orElseThrow().session();
        assertEquals(Assurance.PASSWORD, plainFound.assurance());
        assertEquals(Session.FIRST_PARTY_CLIENT, plainFound.clientId());
        assertNull(plainFound.scope());
    }

    @Test
    void aStartedSessionIsFoundByItsTokenWithItsUser() {
        Instant now = now();
        Started s = start(user(), now);

        TokenInFamily family = transactions.inTransaction(() -> sessions.lockRefreshToken(s.token().hash())).orElseThrow();
        assertEquals(s.session().id(), family.session().id());
        assertEquals(s.user().id(), family.user().id());
        assertEquals(s.stored().expiresAt(), family.token().expiresAt());
        assertNull(family.token().spentAt());
        assertEquals("curl/8", family.session().client().userAgent(), "control characters are stripped");
        assertEquals(s.session().id(), sessions.findBySessionToken(s.token().hash()).orElseThrow().id());
        assertTrue(sessions.findRefreshToken(OpaqueToken.generate(RANDOM).hash()).isEmpty());
    }

    @Test
    void rotationSpendsTheTokenStoresTheSuccessorAndSlidesTheSession() {
        Instant now = now();
        Started s = start(user(), now);
        Instant later = now.plusSeconds(60);
        OpaqueToken next = OpaqueToken.generate(RANDOM);
        RefreshToken successor = RefreshToken.issue(next.hash(), s.session().id(), later, LIFETIME);
        s.session().touch(later, successor.expiresAt());

        transactions.run(() -> sessions.rotate(s.stored().spend(later), successor, s.session()));

        assertEquals(later, sessions.findRefreshToken(s.token().hash()).orElseThrow().spentAt());
        RefreshToken stored = sessions.findRefreshToken(next.hash()).orElseThrow();
        assertFalse(stored.isSpent());
        assertEquals(successor.expiresAt(), stored.expiresAt());
        Session session = sessions.findWithUser(s.session().id()).orElseThrow().session();
        assertEquals(later, session.lastUsedAt());
        assertEquals(successor.expiresAt(), session.expiresAt());
    }

    @Test
    void aLiveTokenRotatesInOneStatementAndOnlyOnce() {
        Instant now = now();
        Started s = start(user(), now);
        Instant later = now.plusSeconds(60);
        OpaqueToken next = OpaqueToken.generate(RANDOM);
        Instant nextExpiry = later.plus(LIFETIME);

        TokenInFamily rotated = sessions.rotateIfLive(s.token().hash(), next.hash(), null, later, nextExpiry).orElseThrow();
        assertEquals(s.session().id(), rotated.session().id());
        assertEquals(s.user().id(), rotated.user().id());
        assertEquals(later, rotated.token().spentAt());
        assertEquals(nextExpiry, rotated.session().expiresAt(), "the session slides to the successor's expiry");
        assertEquals(later, rotated.session().lastUsedAt());
        assertEquals(later, sessions.findRefreshToken(s.token().hash()).orElseThrow().spentAt());
        RefreshToken stored = sessions.findRefreshToken(next.hash()).orElseThrow();
        assertFalse(stored.isSpent());
        assertEquals(nextExpiry, stored.expiresAt());
        assertEquals(s.session().id(), stored.sessionId());

        assertTrue(sessions.rotateIfLive(s.token().hash(), OpaqueToken.generate(RANDOM).hash(), null, later, nextExpiry).isEmpty(),
                "a spent token is left to the locked path");
        assertEquals(later, sessions.findRefreshToken(s.token().hash()).orElseThrow().spentAt(), "and stays as it was");
    }

    @Test
    void tokensThatMustNotRotateAreLeftUntouched() {
        Instant now = now();
        // expired token
        Started expired = start(user(), now);
        assertTrue(sessions.rotateIfLive(expired.token().hash(), OpaqueToken.generate(RANDOM).hash(), null,
                expired.stored().expiresAt(), expired.stored().expiresAt().plus(LIFETIME)).isEmpty());
        assertNull(sessions.findRefreshToken(expired.token().hash()).orElseThrow().spentAt(), "not spent");
        // revoked session
        Started revoked = start(user(), now);
        revoked.session().revoke(now, Session.RevokeReason.LOGOUT);
        sessions.saveRevocation(revoked.session());
        // deactivated user
        Started inactive = start(user(), now);
        inactive.user().deactivate();
        users.update(inactive.user());
        for (Started s : List.of(revoked, inactive)) {
            OpaqueToken successor = OpaqueToken.generate(RANDOM);
            assertTrue(sessions.rotateIfLive(s.token().hash(), successor.hash(), null, now.plusSeconds(1), now.plus(LIFETIME)).isEmpty());
            assertNull(sessions.findRefreshToken(s.token().hash()).orElseThrow().spentAt(), "not spent");
            assertTrue(sessions.findRefreshToken(successor.hash()).isEmpty(), "no successor stored");
        }
        assertTrue(sessions.rotateIfLive(OpaqueToken.generate(RANDOM).hash(), OpaqueToken.generate(RANDOM).hash(), null,
                now, now.plus(LIFETIME)).isEmpty(), "unknown token");
        // another client's session
        Started web = start(user(), now);
        assertTrue(sessions.rotateIfLive(web.token().hash(), OpaqueToken.generate(RANDOM).hash(), "mobile-app",
                now.plusSeconds(1), now.plus(LIFETIME)).isEmpty(), "a token of gatehouse-web presented by mobile-app");
        assertNull(sessions.findRefreshToken(web.token().hash()).orElseThrow().spentAt(), "not spent");
        assertTrue(sessions.rotateIfLive(web.token().hash(), OpaqueToken.generate(RANDOM).hash(), Session.FIRST_PARTY_CLIENT,
                now.plusSeconds(1), now.plus(LIFETIME)).isPresent(), "its own client rotates it");
    }

    @Test
    void theTokenLockMakesConcurrentReadersWaitForTheWriter() throws Exception {
        Started s = start(user(), now());
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> transactions.run(() -> {
                sessions.lockRefreshToken(s.token().hash()).orElseThrow();
                locked.countDown();
                await(release);
                sessions.rotate(s.stored().spend(now()), RefreshToken.issue(OpaqueToken.generate(RANDOM).hash(),
                        s.session().id(), now(), LIFETIME), s.session());
            }));
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            Future<TokenInFamily> waiter = pool.submit(() -> transactions.inTransaction(
                    () -> sessions.lockRefreshToken(s.token().hash()).orElseThrow()));
            Thread.sleep(300);
            assertFalse(waiter.isDone(), "the second locker must wait for the first transaction");
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertTrue(waiter.get(10, TimeUnit.SECONDS).token().isSpent(), "and then see its committed result");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revokingAllButOneKeepsOnlyThatOne() {
        User user = user();
        Instant now = now();
        Started a = start(user, now);
        Started b = start(user, now.plusMillis(1));
        Started c = start(user, now.plusMillis(2));

        int revoked = transactions.inTransaction(() ->
                sessions.revokeAllOf(user.id(), b.session().id(), now, Session.RevokeReason.PASSWORD_CHANGED));

        assertEquals(2, revoked);
        List<Session> live = sessions.findActiveOf(user.id(), now);
        assertEquals(List.of(b.session().id()), live.stream().map(Session::id).toList());
        Session gone = sessions.findWithUser(a.session().id()).orElseThrow().session();
        assertEquals(Session.RevokeReason.PASSWORD_CHANGED, gone.revokeReason());
        assertFalse(gone.isActive(now));
        assertFalse(sessions.findWithUser(c.session().id()).orElseThrow().session().isActive(now));
    }

    @Test
    void aRevocationIsStoredOnceWithItsFirstReason() {
        User user = user();
        Instant now = now();
        Started s = start(user, now);
        s.session().revoke(now, Session.RevokeReason.TOKEN_REUSE);
        sessions.saveRevocation(s.session());
        Session later = Session.reconstitute(s.session().id(), user.id(), now, now, now.plus(LIFETIME), null, null, null);
        later.revoke(now.plusSeconds(5), Session.RevokeReason.LOGOUT);
        sessions.saveRevocation(later);

        Session stored = sessions.findWithUser(s.session().id()).orElseThrow().session();
        assertEquals(Session.RevokeReason.TOKEN_REUSE, stored.revokeReason());
        assertEquals(now, stored.revokedAt());
        assertTrue(sessions.findActiveOf(user.id(), now).isEmpty());
    }

    @Test
    void sessionChecksAreCachedBrieflyAndEveryRepositoryWriteEvictsThem() {
        User user = user();
        Started s = start(user, now());
        assertTrue(sessions.findWithUser(s.session().id()).orElseThrow().session().isActive(now()));
        // Revoked behind the repository's back (as another instance would): the cached answer stands for now.
        transactions.run(() -> jdbc.execute(c -> {
            try (var ps = c.prepareStatement("UPDATE sessions SET revoked_at = now(), revoke_reason = 'ADMIN' WHERE id = ?")) {
                ps.setObject(1, s.session().id().value());
                return ps.executeUpdate();
            }
        }));
        assertTrue(sessions.findWithUser(s.session().id()).orElseThrow().session().isActive(now()), "cached");
        // A write through the repositories evicts: the next check reads the database.
        User fresh = users.findById(user.id()).orElseThrow();
        users.update(fresh);
        assertFalse(sessions.findWithUser(s.session().id()).orElseThrow().session().isActive(now()), "evicted");
    }

    @Test
    void expiredSessionsAreNotListed() {
        User user = user();
        Instant longAgo = now().minus(Duration.ofDays(40));
        start(user, longAgo);
        Started live = start(user, now());
        assertEquals(List.of(live.session().id()), sessions.findActiveOf(user.id(), now()).stream().map(Session::id).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
