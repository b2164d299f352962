package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.application.settings.VerificationMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mode mandatory: no tokens before the address is confirmed, and no account enumeration at sign-up. */
@MicronautTest(transactional = false)
class MandatoryVerificationEndToEndTest extends HttpTest {
    private final Mailbox mailbox = new Mailbox();

    @Override
    Map<String, String> extraProperties() {
        return mailbox.smtpProperties();
    }

    @BeforeAll
    void mandatoryMode() {
        tune(t -> new Tunables(t.accessTokenTtl(), t.refreshTokenTtl(), t.refreshReuseGrace(), VerificationMode.MANDATORY,
                t.passwordMinLength(), t.rateLimits()));
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    @Test
    void noTokensUntilTheAddressIsVerified() {
        String email = uniqueEmail();
        Response registered = postJson("/api/auth/register", Map.of("email", email, "password", PASSWORD));
        assertEquals(201, registered.status(), registered.body());
        assertFalse(registered.map().containsKey("access"));
        assertFalse(registered.map().containsKey("refresh"));

        assertProblem(postJson("/api/auth/login", Map.of("email", email, "password", "wrong password!")), 401, "invalid_credentials");
        assertProblem(postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)), 403, "email_not_verified");

        Mailbox.Mail mail = mailbox.await(email, 1);
        Response verified = postJson("/api/auth/verify-email", Map.of("token", mail.token()));
        assertEquals(200, verified.status(), verified.body());
        assertEquals(200, postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)).status());
    }

    @Test
    void aDuplicateRegistrationLooksLikeANewOneAndTheOwnerIsTold() {
        String email = uniqueEmail();
        Response first = postJson("/api/auth/register", Map.of("email", email, "password", PASSWORD));
        // A verified account: an unverified one would be replaced (pre-account-hijacking defence).
        assertEquals(200, postJson("/api/auth/verify-email", Map.of("token", mailbox.await(email, 1).token())).status());
        Response again = postJson("/api/auth/register", Map.of("email", email.toUpperCase(), "password", "another passphrase"));
        Response fresh = postJson("/api/auth/register", Map.of("email", uniqueEmail(), "password", PASSWORD));

        assertEquals(201, again.status());
        assertEquals(first.body(), again.body());
        assertEquals(fresh.body(), again.body());
        assertEquals("You already have an account", mailbox.await(email, 2).subject());
        assertProblem(postJson("/api/auth/login", Map.of("email", email, "password", "another passphrase")), 401, "invalid_credentials");
    }
}
