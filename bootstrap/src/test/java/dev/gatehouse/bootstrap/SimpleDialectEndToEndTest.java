package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.application.settings.VerificationMode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The simple dialect at /api, request by request, with the verification mail through a real SMTP server. */
@MicronautTest(transactional = false)
class SimpleDialectEndToEndTest extends HttpTest {
    private final Mailbox mailbox = new Mailbox();

    @Override
    Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mailbox.smtpProperties());
        properties.put("auth.compat.simple.enabled", "true");
        return properties;
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    private Map<String, Object> json(Response response, int status) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        return response.map();
    }

    private Map<String, Object> registerSimple(String email) {
        return json(postJson("/api/register", Map.of("email", email, "password", PASSWORD)), 201);
    }

    private Map<String, Object> loginSimple(String email) {
        return json(postJson("/api/login", Map.of("email", email, "password", PASSWORD)), 200);
    }

    @Test
    void registerAnswersIdAndEmailOnlyAndMailsTheVerificationLink() {
        String email = uniqueEmail();
        Map<String, Object> registered = registerSimple(email);

        assertEquals(Set.of("id", "email"), registered.keySet(), "no tokens: the client logs in next");
        assertEquals(email, registered.get("email"));
        assertTrue(mailbox.await(email, 1).text().contains("/verify-email?token="), "the verification mail still goes out");

        Map<String, Object> tokens = loginSimple(email);
        String access = (String) tokens.get("access_token");
        assertEquals(registered.get("id"), get("/api/auth/me", "Authorization", bearer(access)).string("id"));
        assertEquals(1, get("/api/auth/sessions", "Authorization", bearer(access)).list().size(),
                "registering left no session behind that nobody holds");
    }

    @Test
    void registrationErrorsAreProblemsNamingTheField() {
        String email = uniqueEmail();
        Response invalid = postJson("/api/register", Map.of("email", "not-an-address", "password", PASSWORD, "extra", true));
        assertProblem(invalid, 400, "validation_failed");
        assertEquals(Set.of("email"), invalid.errors().keySet(), "unknown fields are ignored");
        Response missing = postJson("/api/register", Map.of());
        assertEquals(Set.of("email", "password"), missing.errors().keySet());

        markVerified((String) registerSimple(email).get("id")); // a claimed address is never replaced
        Response taken = postJson("/api/register", Map.of("email", email, "password", PASSWORD));
        assertProblem(taken, 400, "validation_failed");
        assertTrue(taken.errors().containsKey("email"));
    }

    @Test
    void inMandatoryModeRegisterAnswersTheSameForATakenAddress() {
        String email = uniqueEmail();
        registerSimple(email);
        tune(t -> new Tunables(t.accessTokenTtl(), t.refreshTokenTtl(), t.refreshReuseGrace(), VerificationMode.MANDATORY,
                t.passwordMinLength(), t.rateLimits()));
        try {
            String fresh = uniqueEmail();
            Map<String, Object> pending = registerSimple(fresh);
            Map<String, Object> again = registerSimple(email);
            assertNull(pending.get("id"));
            assertEquals(Set.of("email", "detail"), pending.keySet());
            assertEquals(pending.get("detail"), again.get("detail"));
        } finally {
            tune(t -> TEST_DEFAULTS);
        }
    }

    @Test
    void loginAnswersAccessAndRefreshTokensFromJsonOrAPasswordForm() {
        String email = uniqueEmail();
        registerSimple(email);

        Map<String, Object> tokens = loginSimple(email);
        assertEquals(Set.of("access_token", "refresh_token", "token_type"), tokens.keySet());
        assertEquals("bearer", tokens.get("token_type"));
        assertEquals(200, get("/api/me", "Authorization", bearer((String) tokens.get("access_token"))).status());

        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        Response byForm = send("POST", "/api/login", form, "application/x-www-form-urlencoded");
        assertTrue(json(byForm, 200).get("access_token") instanceof String);

        assertProblem(postJson("/api/login", Map.of("email", email, "password", "wrong password")), 401, "invalid_credentials");
        Response noName = postJson("/api/login", Map.of("password", PASSWORD));
        assertProblem(noName, 400, "validation_failed");
        assertEquals(Set.of("email"), noName.errors().keySet());
    }

    @Test
    void refreshRotatesThePairAndLogoutEndsTheSession() {
        String email = uniqueEmail();
        registerSimple(email);
        Map<String, Object> tokens = loginSimple(email);

        Map<String, Object> rotated = json(postJson("/api/refresh", Map.of("refresh_token", tokens.get("refresh_token"))), 200);
        assertEquals(Set.of("access_token", "refresh_token", "token_type"), rotated.keySet());
        assertNotEquals(tokens.get("refresh_token"), rotated.get("refresh_token"));
        assertEquals(200, get("/api/me", "Authorization", bearer((String) rotated.get("access_token"))).status());
        assertProblem(postJson("/api/refresh", Map.of()), 400, "validation_failed");
        assertProblem(postJson("/api/refresh", Map.of("refresh_token", "nonsense")), 401, "token_not_valid");

        assertEquals(Map.of("success", "User logged out."),
                json(postJson("/api/logout", Map.of("refresh_token", rotated.get("refresh_token"))), 200));
        assertProblem(postJson("/api/refresh", Map.of("refresh_token", rotated.get("refresh_token"))), 401, "token_not_valid");
        assertProblem(get("/api/me", "Authorization", bearer((String) rotated.get("access_token"))), 401, "token_not_valid");
        assertEquals(200, postJson("/api/logout", Map.of("refresh_token", rotated.get("refresh_token"))).status(), "idempotent");
        assertProblem(postJson("/api/logout", Map.of()), 400, "validation_failed");
    }

    @Test
    void meShowsIdUsernameAndEmailAndPutChangesTheUsername() {
        String email = uniqueEmail();
        Map<String, Object> registered = registerSimple(email);
        String auth = bearer((String) loginSimple(email).get("access_token"));

        Map<String, Object> me = json(get("/api/me", "Authorization", auth), 200);
        Map<String, Object> expected = new HashMap<>();
        expected.put("id", registered.get("id"));
        expected.put("username", null);
        expected.put("email", email);
        assertEquals(expected, me);

        String name = "John Smith " + email.substring(5, 11);
        Map<String, Object> updated = json(send("PUT", "/api/me", "{\"username\":\"" + name + "\",\"email\":\"" + email + "\"}",
                "application/json", "Authorization", auth), 200);
        assertEquals(name, updated.get("username"));
        assertEquals(email, updated.get("email"));
        assertEquals(updated, json(get("/api/me", "Authorization", auth), 200));
        assertEquals(name, get("/api/auth/me", "Authorization", auth).string("username"));

        Response otherEmail = send("PUT", "/api/me", "{\"email\":\"other@example.com\"}", "application/json", "Authorization", auth);
        assertProblem(otherEmail, 400, "validation_failed");
        assertEquals(List.of("The email address cannot be changed here."), otherEmail.errors().get("email"));
        assertProblem(send("PUT", "/api/me", "{\"username\":\"no/slash\"}", "application/json", "Authorization", auth), 400,
                "validation_failed");
        assertProblem(get("/api/me"), 401, "not_authenticated");
        assertEquals(200, get("/api/me/", "Authorization", auth).status(), "a trailing slash is fine too");
    }

    // --- seed-000 (koladev backend) fidelity ------------------------------------------------------------

    @Test
    void theUserDetailRouteShowsTheCallersOwnAccountInSeed000Shape() {
        String email = uniqueEmail();
        // The seed-000 frontend logs in on the native routes (with Django's trailing slash) and reads user.id.
        Response login = postJson("/api/auth/login/", Map.of("email", email, "password", PASSWORD));
        assertEquals(401, login.status(), "no such account yet");
        Map<String, Object> registered = json(postJson("/api/auth/register/", Map.of("email", email, "password", PASSWORD,
                "username", "seed" + System.nanoTime())), 201);
        assertEquals(registered.get("access"), registered.get("token"), "register answers the access token as token too");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) registered.get("user");
        assertEquals(user.get("date_joined"), user.get("created"));
        assertTrue(user.get("updated") instanceof String, user.toString());
        String id = (String) user.get("id");
        String access = (String) json(postJson("/api/auth/login/", Map.of("email", email, "password", PASSWORD)), 200).get("access");

        for (String path : List.of("/api/user/" + id + "/", "/api/user/" + id)) {
            Map<String, Object> detail = json(get(path, "Authorization", bearer(access)), 200);
            assertEquals(Set.of("id", "username", "email", "is_active", "created", "updated"), detail.keySet(), path);
            assertEquals(id, detail.get("id"));
            assertEquals(email, detail.get("email"));
            assertEquals(true, detail.get("is_active"));
        }
        String other = (String) registerSimple(uniqueEmail()).get("id");
        assertProblem(get("/api/user/" + other + "/", "Authorization", bearer(access)), 404, "not_found");
        assertProblem(get("/api/user/not-an-id/", "Authorization", bearer(access)), 404, "not_found");
    }

    @Test
    void underProtectedPrefixesAMissingOrBadTokenIs401BeforeAnyRouting() {
        String id = (String) registerSimple(uniqueEmail()).get("id");
        // A refresh interceptor waits for a 401: a 404 here would leave the page stuck on "Loading".
        assertProblem(get("/api/user/" + id + "/"), 401, "not_authenticated");
        assertProblem(get("/api/user/" + id + "/", "Authorization", bearer("expired.or.forged")), 401, "token_not_valid");
        assertProblem(get("/api/user/" + id + "/extra/segments"), 401, "not_authenticated");
        assertProblem(get("/api/admin/no-such-route"), 401, "not_authenticated");
        assertProblem(get("/api/admin/no-such-route", "Authorization", bearer(adminToken())), 404, "not_found");
    }
}
