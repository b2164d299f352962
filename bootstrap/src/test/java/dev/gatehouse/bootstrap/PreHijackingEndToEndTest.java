package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.application.settings.VerificationMode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Pre-account hijacking, in every dialect: a stranger registers the victim's address first and keeps
 * what they got. Whether the victim then follows the mailed link or registers the address themself,
 * the stranger's sessions, links and password are dead. Real PostgreSQL, real SMTP (GreenMail).
 */
@MicronautTest(transactional = false)
class PreHijackingEndToEndTest extends HttpTest {
    private static final String ATTACKER_PASSWORD = "the attacker's passphrase";
    private final Mailbox mailbox = new Mailbox();

    @Override
    Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mailbox.smtpProperties());
        properties.put("auth.compat.dj-rest-auth.enabled", "true");
        properties.put("auth.compat.simple.enabled", "true");
        return properties;
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    private Response registerAs(String email, String password) {
        Response response = postJson("/api/auth/register", Map.of("email", email, "password", password));
        assertEquals(201, response.status(), response.body());
        return response;
    }

    private void assertNativeSessionDead(String access, String refresh) {
        assertProblem(get("/api/auth/me", "Authorization", bearer(access)), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", refresh)), 401, "token_not_valid");
    }

    // --- native /api/auth ------------------------------------------------------------------------------

    @Test
    void nativeTheOwnersFirstVerificationEndsTheAttackersSession() {
        String victim = uniqueEmail();
        Response attacker = registerAs(victim, ATTACKER_PASSWORD);
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(attacker.string("access"))).status());

        String link = mailbox.await(victim, 1).token(); // the owner reads their mail
        Response verified = get("/api/auth/verify-email?token=" + link);
        assertEquals(200, verified.status(), verified.body());

        assertNativeSessionDead(attacker.string("access"), attacker.string("refresh"));
        assertEquals(401, postJson("/api/auth/token/verify", Map.of("token", attacker.string("access"))).status());
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(verified.string("access"))).status(), "the owner's lives");
    }

    @Test
    void nativeTheOwnersRegistrationReplacesTheUnverifiedAccount() {
        String victim = uniqueEmail();
        Response attacker = registerAs(victim, ATTACKER_PASSWORD);
        String attackersLink = mailbox.await(victim, 1).token();

        Response owner = registerAs(victim, PASSWORD);
        Response fresh = registerAs(uniqueEmail(), PASSWORD);
        assertEquals(fresh.map().keySet(), owner.map().keySet(), "answered exactly like a fresh registration");
        assertEquals(((Map<?, ?>) fresh.map().get("user")).keySet(), ((Map<?, ?>) owner.map().get("user")).keySet());
        assertNotEquals(((Map<?, ?>) attacker.map().get("user")).get("id"), ((Map<?, ?>) owner.map().get("user")).get("id"));

        assertNativeSessionDead(attacker.string("access"), attacker.string("refresh"));
        assertProblem(get("/api/auth/verify-email?token=" + attackersLink), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/login", Map.of("email", victim, "password", ATTACKER_PASSWORD)), 401, "invalid_credentials");
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(owner.string("access"))).status());

        Response verified = get("/api/auth/verify-email?token=" + mailbox.await(victim, 2).token());
        assertEquals(200, verified.status(), "the owner's own link works");
        assertEquals(200, postJson("/api/auth/login", Map.of("email", victim, "password", PASSWORD)).status());
    }

    @Test
    void aVerifiedAddressIsNotReplaced() {
        String email = uniqueEmail();
        Response first = registerAs(email, PASSWORD);
        assertEquals(200, get("/api/auth/verify-email?token=" + mailbox.await(email, 1).token()).status());
        Response again = postJson("/api/auth/register", Map.of("email", email, "password", ATTACKER_PASSWORD));
        assertProblem(again, 400, "validation_failed");
        assertEquals(200, postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)).status());
        assertNotEquals(null, first.string("access"));
    }

    // --- dj-rest-auth ----------------------------------------------------------------------------------

    private Response registerDj(String email, String password) {
        Response response = postJson("/dj-rest-auth/registration/", Map.of("email", email, "password1", password,
                "password2", password));
        assertEquals(201, response.status(), response.body());
        return response;
    }

    private void assertDjSessionDead(Response attacker) {
        assertEquals(401, get("/dj-rest-auth/user/", "Authorization", bearer(attacker.string("access"))).status());
        assertEquals(401, postJson("/dj-rest-auth/token/refresh/", Map.of("refresh", attacker.string("refresh"))).status());
        assertEquals(401, postJson("/dj-rest-auth/token/verify/", Map.of("token", attacker.string("access"))).status());
    }

    @Test
    void djRestAuthTheOwnersVerificationEndsTheAttackersSession() {
        String victim = uniqueEmail();
        Response attacker = registerDj(victim, ATTACKER_PASSWORD);
        assertEquals(200, get("/dj-rest-auth/user/", "Authorization", bearer(attacker.string("access"))).status());

        String key = mailbox.await(victim, 1).token();
        assertEquals(200, postJson("/dj-rest-auth/registration/verify-email/", Map.of("key", key)).status());

        assertDjSessionDead(attacker);
    }

    @Test
    void djRestAuthTheOwnersRegistrationReplacesTheUnverifiedAccount() {
        String victim = uniqueEmail();
        Response attacker = registerDj(victim, ATTACKER_PASSWORD);
        String attackersKey = mailbox.await(victim, 1).token();

        Response owner = registerDj(victim, PASSWORD);
        Response fresh = registerDj(uniqueEmail(), PASSWORD);
        assertEquals(fresh.map().keySet(), owner.map().keySet(), "answered exactly like a fresh registration");

        assertDjSessionDead(attacker);
        assertEquals(404, postJson("/dj-rest-auth/registration/verify-email/", Map.of("key", attackersKey)).status());
        assertEquals(400, postJson("/dj-rest-auth/login/", Map.of("email", victim, "password", ATTACKER_PASSWORD)).status());
        assertEquals(200, get("/dj-rest-auth/user/", "Authorization", bearer(owner.string("access"))).status());
        assertEquals(200, postJson("/dj-rest-auth/login/", Map.of("email", victim, "password", PASSWORD)).status());
    }

    // --- simple ----------------------------------------------------------------------------------------

    private Response registerSimple(String email, String password) {
        Response response = postJson("/api/register", Map.of("email", email, "password", password));
        assertEquals(201, response.status(), response.body());
        return response;
    }

    private Response loginSimple(String email, String password) {
        return postJson("/api/login", Map.of("email", email, "password", password));
    }

    private void assertSimpleSessionDead(Response attacker) {
        assertEquals(401, get("/api/me", "Authorization", bearer(attacker.string("access_token"))).status());
        assertEquals(401, postJson("/api/refresh", Map.of("refresh_token", attacker.string("refresh_token"))).status());
    }

    @Test
    void simpleTheOwnersVerificationEndsTheAttackersSession() {
        String victim = uniqueEmail();
        registerSimple(victim, ATTACKER_PASSWORD);
        Response attacker = loginSimple(victim, ATTACKER_PASSWORD);
        assertEquals(200, attacker.status(), attacker.body());
        assertEquals(200, get("/api/me", "Authorization", bearer(attacker.string("access_token"))).status());

        assertEquals(200, get("/api/auth/verify-email?token=" + mailbox.await(victim, 1).token()).status());

        assertSimpleSessionDead(attacker);
    }

    @Test
    void simpleTheOwnersRegistrationReplacesTheUnverifiedAccount() {
        String victim = uniqueEmail();
        Response attackerRegistration = registerSimple(victim, ATTACKER_PASSWORD);
        Response attacker = loginSimple(victim, ATTACKER_PASSWORD);
        String attackersLink = mailbox.await(victim, 1).token();

        Response owner = registerSimple(victim, PASSWORD);
        assertEquals(registerSimple(uniqueEmail(), PASSWORD).map().keySet(), owner.map().keySet());
        assertNotEquals(attackerRegistration.string("id"), owner.string("id"));

        assertSimpleSessionDead(attacker);
        assertProblem(get("/api/auth/verify-email?token=" + attackersLink), 401, "token_not_valid");
        assertEquals(401, loginSimple(victim, ATTACKER_PASSWORD).status());
        assertEquals(200, loginSimple(victim, PASSWORD).status());
    }

    // --- mandatory verification ------------------------------------------------------------------------

    @Test
    void mandatoryTheAttackersPasswordDiesWhenTheOwnerRegisters() {
        tune(t -> new Tunables(t.accessTokenTtl(), t.refreshTokenTtl(), t.refreshReuseGrace(), VerificationMode.MANDATORY,
                t.passwordMinLength(), t.rateLimits()));
        try {
            String victim = uniqueEmail();
            Response attacker = postJson("/api/auth/register", Map.of("email", victim, "password", ATTACKER_PASSWORD));
            String attackersLink = mailbox.await(victim, 1).token();
            Response owner = postJson("/api/auth/register", Map.of("email", victim, "password", PASSWORD));
            Response fresh = postJson("/api/auth/register", Map.of("email", uniqueEmail(), "password", PASSWORD));
            assertEquals(201, owner.status(), owner.body());
            assertEquals(fresh.body(), owner.body(), "answered exactly like a fresh registration");
            assertEquals(attacker.body(), owner.body());

            String ownersLink = mailbox.await(victim, 2).token();
            assertProblem(get("/api/auth/verify-email?token=" + attackersLink), 401, "token_not_valid");
            assertEquals(200, get("/api/auth/verify-email?token=" + ownersLink).status());

            assertProblem(postJson("/api/auth/login", Map.of("email", victim, "password", ATTACKER_PASSWORD)), 401,
                    "invalid_credentials");
            assertEquals(200, postJson("/api/auth/login", Map.of("email", victim, "password", PASSWORD)).status());
        } finally {
            tune(t -> TEST_DEFAULTS);
        }
    }
}
