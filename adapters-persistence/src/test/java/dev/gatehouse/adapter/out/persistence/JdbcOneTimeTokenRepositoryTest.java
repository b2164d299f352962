package dev.gatehouse.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class JdbcOneTimeTokenRepositoryTest extends PostgresTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    @Inject
    JdbcOneTimeTokenRepository tokens;
    @Inject
    JdbcUserRepository users;
    @Inject
    Transactions transactions;

    @Test
    void aNewTokenSupersedesTheUnusedOnesOfTheSamePurposeOnly() {
        User user = newUser("ott." + unique() + "@example.com", null);
        users.insert(user);
        Instant now = now();
        OneTimeToken verify = OneTimeToken.issue(OpaqueToken.generate(RANDOM).hash(), user, OneTimeToken.Purpose.VERIFY_EMAIL, now);
        OneTimeToken reset1 = OneTimeToken.issue(OpaqueToken.generate(RANDOM).hash(), user, OneTimeToken.Purpose.PASSWORD_RESET, now);
        OneTimeToken reset2 = OneTimeToken.issue(OpaqueToken.generate(RANDOM).hash(), user, OneTimeToken.Purpose.PASSWORD_RESET, now);
        tokens.issue(verify);
        tokens.issue(reset1);
        tokens.issue(reset2);

        assertTrue(tokens.find(reset1.hash()).isEmpty(), "superseded");
        assertEquals(reset2, tokens.find(reset2.hash()).orElseThrow());
        assertTrue(tokens.find(verify.hash()).isPresent(), "other purposes untouched");
    }

    @Test
    void usingATokenIsRecordedOnceAndDiscardingSparesUsedOnes() {
        User user = newUser("ott." + unique() + "@example.com", null);
        users.insert(user);
        Instant now = now();
        OneTimeToken token = OneTimeToken.issue(OpaqueToken.generate(RANDOM).hash(), user, OneTimeToken.Purpose.PASSWORD_RESET, now);
        tokens.issue(token);

        transactions.run(() -> {
            OneTimeToken locked = tokens.lock(token.hash()).orElseThrow();
            tokens.markUsed(locked.use(now.plusSeconds(5)));
        });
        tokens.markUsed(token.use(now.plusSeconds(9)));
        assertEquals(now.plusSeconds(5), tokens.find(token.hash()).orElseThrow().usedAt(), "the first use stands");

        OneTimeToken other = OneTimeToken.issue(OpaqueToken.generate(RANDOM).hash(), user, OneTimeToken.Purpose.PASSWORD_RESET, now);
        tokens.issue(other);
        tokens.discardUnused(user.id(), OneTimeToken.Purpose.PASSWORD_RESET);
        assertTrue(tokens.find(other.hash()).isEmpty());
        assertTrue(tokens.find(token.hash()).isPresent(), "used tokens stay as a record");
    }

    @Test
    void anEmailChangeTokenKeepsItsNewAddress() {
        User user = newUser("change." + unique() + "@example.com", null);
        users.insert(user);
        var target = dev.gatehouse.domain.user.EmailAddress.of("target." + unique() + "@example.com");
        OneTimeToken change = OneTimeToken.issueEmailChange(OpaqueToken.generate(RANDOM).hash(), user, target, now());
        tokens.issue(change);
        assertEquals(change, tokens.find(change.hash()).orElseThrow());
        assertEquals(target, tokens.lock(change.hash()).orElseThrow().newEmail());
    }
}
