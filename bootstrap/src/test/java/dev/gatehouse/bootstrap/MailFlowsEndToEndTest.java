package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Verification and password reset end to end, through a real SMTP server. */
@MicronautTest(transactional = false)
class MailFlowsEndToEndTest extends HttpTest {
    private final Mailbox mailbox = new Mailbox();
    private final MovableClock clock = MovableClock.SHARED;

    @Override
    Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mailbox.smtpProperties());
        properties.put("auth.link-base-url", "https://app.example.test/account");
        properties.put("gatehouse.test.movable-clock", "true");
        return properties;
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    @Test
    void registrationMailsAVerificationLinkThatLogsInOnce() {
        String email = uniqueEmail();
        Response registered = register(email);
        assertEquals(false, ((Map<?, ?>) registered.map().get("user")).get("email_verified"));

        Mailbox.Mail mail = mailbox.await(email, 1);
        assertEquals("Confirm your email address", mail.subject());
        assertTrue(mail.text().contains("https://app.example.test/account/verify-email?token=" + mail.token()), mail.text());
        assertTrue(mail.html().contains("https://app.example.test/account/verify-email?token="), "an HTML part too");

        Response verified = get("/api/auth/verify-email?token=" + mail.token());
        assertEquals(200, verified.status(), verified.body());
        assertEquals(true, ((Map<?, ?>) verified.map().get("user")).get("email_verified"));
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(verified.string("access"))).status(), "logged in");

        assertProblem(get("/api/auth/verify-email?token=" + mail.token()), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/verify-email", Map.of("token", mail.token())), 401, "token_not_valid");
        assertProblem(get("/api/auth/verify-email"), 400, "validation_failed");
    }

    @Test
    void resendAnswersTheSameForEveryAddressAndOnlyMailsUnverifiedAccounts() {
        String email = uniqueEmail();
        register(email);
        mailbox.await(email, 1);

        Response known = postJson("/api/auth/verify-email/resend", Map.of("email", email));
        Response unknown = postJson("/api/auth/verify-email/resend", Map.of("email", "nobody-" + email));
        assertEquals(202, known.status());
        assertEquals(known.body(), unknown.body());
        Mailbox.Mail second = mailbox.await(email, 2);

        assertProblem(get("/api/auth/verify-email?token=" + mailbox.to(email).getFirst().token()), 401, "token_not_valid");
        assertEquals(200, postJson("/api/auth/verify-email", Map.of("token", second.token())).status(), "the newest link works");

        assertEquals(202, postJson("/api/auth/verify-email/resend", Map.of("email", email)).status());
        Mailbox.sleep(600);
        assertEquals(2, mailbox.to(email).size(), "a verified address gets no more links");
        assertTrue(mailbox.to("nobody-" + email).isEmpty());
        assertProblem(postJson("/api/auth/verify-email/resend", Map.of("email", "not-an-address")), 400, "validation_failed");
    }

    @Test
    void passwordResetRevokesEverySessionAndLogsIn() {
        String email = uniqueEmail();
        Response registered = register(email);
        mailbox.await(email, 1);

        Response known = postJson("/api/auth/password/reset", Map.of("email", email));
        Response unknown = postJson("/api/auth/password/reset", Map.of("email", "nobody-" + email));
        assertEquals(202, known.status());
        assertEquals(known.body(), unknown.body());
        assertEquals("If an account with this email exists, a password reset link has been sent.", known.string("detail"));
        Mailbox.Mail mail = mailbox.await(email, 2);
        assertEquals("Reset your password", mail.subject());
        assertTrue(mail.text().contains("https://app.example.test/account/password/reset/confirm?token="), mail.text());

        Response weak = postJson("/api/auth/password/reset/confirm", Map.of("token", mail.token(), "new_password", "password123"));
        assertProblem(weak, 400, "validation_failed");
        assertTrue(weak.errors().containsKey("new_password"));

        Response reset = postJson("/api/auth/password/reset/confirm", Map.of("token", mail.token(),
                "new_password", "a brand new passphrase", "confirm_password", "a brand new passphrase"));
        assertEquals(200, reset.status(), reset.body());
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(reset.string("access"))).status());
        assertProblem(get("/api/auth/me", "Authorization", bearer(registered.string("access"))), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", registered.string("refresh"))), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/password/reset/confirm", Map.of("token", mail.token(),
                "new_password", "yet another passphrase")), 401, "token_not_valid");
        assertEquals(200, postJson("/api/auth/login", Map.of("email", email, "password", "a brand new passphrase")).status());

        Mailbox.Mail notice = mailbox.await(email, 3);
        assertEquals("Your password was changed", notice.subject());
        Mailbox.sleep(300);
        assertTrue(mailbox.to("nobody-" + email).isEmpty(), "unknown addresses get nothing");
    }

    @Test
    void aResetLinkDiesWhenThePasswordChangesOrANewerOneIsSent() {
        String email = uniqueEmail();
        Response registered = register(email);
        mailbox.await(email, 1);
        postJson("/api/auth/password/reset", Map.of("email", email));
        String first = mailbox.await(email, 2).token();
        postJson("/api/auth/password/reset", Map.of("email", email));
        String second = mailbox.await(email, 3).token();
        assertProblem(postJson("/api/auth/password/reset/confirm", Map.of("token", first, "new_password", "a brand new passphrase")),
                401, "token_not_valid");

        assertEquals(200, postJson("/api/auth/password/change", Map.of("old_password", PASSWORD,
                "new_password", "changed in between"), "Authorization", bearer(registered.string("access"))).status());
        assertProblem(postJson("/api/auth/password/reset/confirm", Map.of("token", second, "new_password", "a brand new passphrase")),
                401, "token_not_valid");
        assertEquals("Your password was changed", mailbox.await(email, 4).subject());
    }

    @Test
    void linksExpire() {
        String email = uniqueEmail();
        register(email);
        String verification = mailbox.await(email, 1).token();
        postJson("/api/auth/password/reset", Map.of("email", email));
        String reset = mailbox.await(email, 2).token();

        clock.advance(Duration.ofMinutes(61));
        assertProblem(postJson("/api/auth/password/reset/confirm", Map.of("token", reset, "new_password", "a brand new passphrase")),
                401, "token_not_valid");
        Response stillValid = get("/api/auth/verify-email?token=" + verification);
        assertEquals(200, stillValid.status(), "verification links live 24 hours");

        postJson("/api/auth/verify-email/resend", Map.of("email", uniqueEmail()));
        String other = uniqueEmail();
        register(other);
        String late = mailbox.await(other, 1).token();
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertProblem(get("/api/auth/verify-email?token=" + late), 401, "token_not_valid");
    }

    @Test
    void refreshTokenReuseIsReportedToTheOwner() {
        String email = uniqueEmail();
        Response registered = register(email);
        mailbox.await(email, 1);
        String stolen = registered.string("refresh");
        assertEquals(200, postJson("/api/auth/refresh", Map.of("refresh", stolen)).status());
        clock.advance(Duration.ofSeconds(11));
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", stolen)), 401, "token_reused");
        assertEquals("A session of yours was signed out for safety", mailbox.await(email, 2).subject());
    }
}
