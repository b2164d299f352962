package dev.gatehouse.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.PasskeyRepository;
import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyChallenge;
import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.passkey.PasskeyName;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The passkey ports against PostgreSQL. */
@MicronautTest(transactional = false)
class JdbcPasskeyRepositoryTest extends PostgresTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    @Inject
    JdbcPasskeyRepository passkeys;
    @Inject
    JdbcPasskeyChallengeRepository challenges;
    @Inject
    JdbcUserRepository users;

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private Passkey passkey(User owner, Instant at) {
        return Passkey.register(PasskeyId.newId(at), owner.id(), random(32), random(77), List.of("hybrid", "internal"),
                true, false, true, 4_294_967_295L, PasskeyName.of("Laptop"), at);
    }

    @Test
    void aPasskeyRoundTripsAndOnlyItsMutablePartsChange() {
        User owner = newUser("pk." + unique() + "@example.com", null);
        users.insert(owner);
        Instant now = now();
        Passkey p = passkey(owner, now);
        passkeys.insert(p);
        Passkey read = passkeys.findByCredentialId(p.credentialId()).orElseThrow();
        assertArrayEquals(p.credentialData(), read.credentialData());
        assertEquals(List.of("hybrid", "internal"), read.transports());
        assertEquals(4_294_967_295L, read.signCount());
        assertTrue(read.backupEligible() && !read.backedUp() && read.userVerifiedAtRegistration());

        Passkey zero = Passkey.register(PasskeyId.newId(now.plusSeconds(1)), owner.id(), random(16), random(10), List.of(),
                false, false, true, 0, PasskeyName.DEFAULT, now.plusSeconds(1));
        passkeys.insert(zero);
        zero.recordUse(0, true, now.plusSeconds(60));
        assertTrue(passkeys.recordUse(zero, 0));
        // A counter moves once: a second sign-in that read the same stored counter writes nothing.
        Passkey counting = Passkey.register(PasskeyId.newId(now.plusSeconds(2)), owner.id(), random(16), random(10), List.of(),
                false, false, true, 5, PasskeyName.DEFAULT, now.plusSeconds(2));
        passkeys.insert(counting);
        Passkey first = passkeys.find(owner.id(), counting.id()).orElseThrow();
        Passkey second = passkeys.find(owner.id(), counting.id()).orElseThrow();
        first.recordUse(6, false, now.plusSeconds(61));
        second.recordUse(6, false, now.plusSeconds(61));
        assertTrue(passkeys.recordUse(first, 5));
        assertFalse(passkeys.recordUse(second, 5), "the same counter twice: one wins");
        first.rename(PasskeyName.of("Key"));
        Passkey stale = passkeys.find(owner.id(), counting.id()).orElseThrow();
        stale.rename(PasskeyName.of("Key"));
        passkeys.rename(stale);
        assertEquals(6, passkeys.find(owner.id(), counting.id()).orElseThrow().signCount(), "a rename leaves the counter");
        passkeys.delete(owner.id(), counting.id());
        zero.rename(PasskeyName.of("Phone"));
        passkeys.rename(zero);
        Passkey updated = passkeys.find(owner.id(), zero.id()).orElseThrow();
        assertEquals("Phone", updated.name().value());
        assertTrue(updated.backedUp());
        assertEquals(now.plusSeconds(60), updated.lastUsedAt());
        assertEquals(List.of(), updated.transports());
        assertEquals(List.of(p.id(), zero.id()), passkeys.listFor(owner.id()).stream().map(Passkey::id).toList());
    }

    @Test
    void aCredentialIdIsRegisteredOnceAcrossAccountsAndOnlyTheOwnerFindsOrDeletesIt() {
        User alice = newUser("pk." + unique() + "@example.com", null);
        User bob = newUser("pk." + unique() + "@example.com", null);
        users.insert(alice);
        users.insert(bob);
        Passkey p = passkey(alice, now());
        passkeys.insert(p);
        Passkey copy = Passkey.register(PasskeyId.newId(now()), bob.id(), p.credentialId(), random(5), List.of(), false, false,
                true, 0, PasskeyName.DEFAULT, now());
        assertThrows(PasskeyRepository.DuplicatePasskeyException.class, () -> passkeys.insert(copy));
        assertTrue(passkeys.find(bob.id(), p.id()).isEmpty());
        assertFalse(passkeys.delete(bob.id(), p.id()));
        assertTrue(passkeys.delete(alice.id(), p.id()));
        assertTrue(passkeys.findByCredentialId(p.credentialId()).isEmpty());
    }

    @Test
    void deletingTheUserDeletesItsPasskeys() {
        User owner = newUser("pk." + unique() + "@example.com", null);
        users.insert(owner);
        Passkey p = passkey(owner, now());
        passkeys.insert(p);
        users.delete(owner.id());
        assertTrue(passkeys.findByCredentialId(p.credentialId()).isEmpty());
    }

    @Test
    void aChallengeIsTakenOnceEvenByConcurrentRequestsAndNeverAfterItExpired() throws Exception {
        Instant now = now();
        byte[] bytes = random(32);
        PasskeyChallenge challenge = new PasskeyChallenge(PasskeyChallenge.hashOf(bytes), PasskeyChallenge.Ceremony.AUTHENTICATION,
                UserId.newId(now), now, now.plus(Duration.ofMinutes(5)));
        challenges.save(challenge);
        assertTrue(challenges.take(challenge.hash(), PasskeyChallenge.Ceremony.REGISTRATION, now).isEmpty(), "another ceremony's");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racers.add(() -> challenges.take(challenge.hash(), PasskeyChallenge.Ceremony.AUTHENTICATION, now).isPresent());
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(racers)) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }

        PasskeyChallenge stale = new PasskeyChallenge(PasskeyChallenge.hashOf(random(32)), PasskeyChallenge.Ceremony.REGISTRATION,
                UserId.newId(now), now.minusSeconds(600), now.minusSeconds(300));
        challenges.save(stale);
        assertTrue(challenges.take(stale.hash(), PasskeyChallenge.Ceremony.REGISTRATION, now).isEmpty());
        PasskeyChallenge old = new PasskeyChallenge(PasskeyChallenge.hashOf(random(32)), PasskeyChallenge.Ceremony.AUTHENTICATION,
                null, now.minusSeconds(600), now.minusSeconds(300));
        challenges.save(old);
        assertTrue(challenges.purge(now) >= 1);
        assertTrue(challenges.take(old.hash(), PasskeyChallenge.Ceremony.AUTHENTICATION, now.minusSeconds(400)).isEmpty(), "purged");
    }
}
