package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses, names and the SMTP envelope end to end: real HTTP, PostgreSQL and SMTP (GreenMail). */
@MicronautTest(transactional = false)
class IdentitySafetyEndToEndTest extends HttpTest {
    private final Mailbox mailbox = new Mailbox();

    @Override
    Map<String, String> extraProperties() {
        return new HashMap<>(mailbox.smtpProperties());
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    private static String local() {
        return "id-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void aHomographDomainIsMailedAtItsOwnALabelNeverAtTheLowBytes() {
        String local = local();
        register(local + "@b\u0430nk.com");
        Mailbox.Mail mail = mailbox.await(local + "@xn--bnk-6cd.com", 1);
        assertEquals("Confirm your email address", mail.subject());
        assertTrue(mailbox.envelopeRecipients().contains(local + "@xn--bnk-6cd.com"), mailbox.envelopeRecipients().toString());
        assertFalse(mailbox.envelopeRecipients().contains(local + "@b0nk.com"), "Angus Mail's low-byte mangling");
    }

    @Test
    void aFullwidthDomainIsMailedAtTheMailboxItMeansAndTakesThatMailbox() {
        String local = local();
        Response first = register(local + "@\uFF45xample.net");
        assertEquals(local + "@example.net", ((Map<?, ?>) first.map().get("user")).get("email"));
        mailbox.await(local + "@example.net", 1);
        assertTrue(mailbox.envelopeRecipients().contains(local + "@example.net"));
        assertFalse(mailbox.envelopeRecipients().contains(local + "@Example.net"), "another person's mailbox");
        // The plain spelling names the same mailbox: the account exists, and logging in by it finds it.
        Response login = postJson("/api/auth/login", Map.of("email", local.toUpperCase() + "@EXAMPLE.NET", "password", PASSWORD));
        assertEquals(200, login.status(), login.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a NOTIFY=NEVER@example.com", "a@example.com NOTIFY=NEVER", "a>NOTIFY=NEVER@example.com",
            "<a@example.com>", "jos\u00e9@example.com", "ceo\u0430@bank.com", "\"a b\"@example.com"})
    void addressesThatCouldNotBeMailedExactlyAreRefusedOnTheEmailField(String email) {
        Response response = postJson("/api/auth/register", Map.of("email", email, "password", PASSWORD));
        assertProblem(response, 400, "validation_failed");
        assertTrue(response.errors().containsKey("email"), response.body());
    }

    @Test
    void aNameTypedAtRegistrationNeverReachesTheUnverifiedAddress() {
        String email = uniqueEmail();
        Response registered = postJson("/api/auth/register", Map.of("email", email, "password", PASSWORD,
                "first_name", "URGENT call https://evil.example/keep", "last_name", "Support Desk"));
        assertEquals(201, registered.status(), registered.body());
        Mailbox.Mail mail = mailbox.await(email, 1);
        for (String part : new String[] {mail.text(), mail.html(), mail.subject()}) {
            assertFalse(part.contains("URGENT"), part);
            assertFalse(part.contains("evil.example"), part);
            assertFalse(part.contains("Support Desk"), part);
        }
        assertTrue(mail.text().contains(email), "the greeting uses the address instead");

        assertEquals(202, postJson("/api/auth/password/reset", Map.of("email", email)).status());
        Mailbox.Mail reset = mailbox.await(email, 2);
        assertFalse(reset.text().contains("URGENT") || reset.html().contains("evil.example"), reset.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"first_name", "last_name", "username"})
    void namesWithInvisibleOrLayoutCharactersAreRefusedNamingTheField(String field) {
        for (String value : new String[] {"Ann\u202Egro", "Ann\u2066x", "Ann\u200Bx", "Ann\u2028x", "Ann\u2029x", "Ann\u0085x"}) {
            Response response = postJson("/api/auth/register", Map.of("email", uniqueEmail(), "password", PASSWORD, field, value));
            assertProblem(response, 400, "validation_failed");
            assertTrue(response.errors().containsKey(field), response.body());
        }
    }
}
