package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.adapter.out.crypto.SoftwareAuthenticator;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.UserId;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Passkeys end to end: the whole service on the real database, a software authenticator with a real P-256 key
 * answering the options the service hands out, as a browser's authenticator would.
 */
@MicronautTest(transactional = false)
class PasskeyEndToEndTest extends HttpTest {
    static final String ORIGIN = "http://localhost:5173";

    @Inject
    AuditLog audit;

    @Override
    Map<String, String> extraProperties() {
        return Map.of("auth.webauthn.rp-id", "localhost", "auth.webauthn.origins", ORIGIN + ",http://localhost:5174",
                "auth.webauthn.rp-name", "Gatehouse tests", "auth.webauthn.demo-page", "true");
    }

    /** A new account, its access token and id. */
    record Account(String email, String access, String id) {
    }

    Account account() {
        String email = uniqueEmail();
        Response registered = register(email);
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) registered.map().get("user");
        return new Account(email, registered.string("access"), String.valueOf(user.get("id")));
    }

    static byte[] decode(String b64url) {
        return Base64.getUrlDecoder().decode(b64url);
    }

    /** Registers a passkey on the account through both requests; returns the 201 body. */
    Map<String, Object> registerPasskey(Account account, SoftwareAuthenticator authenticator, String name) {
        Response options = post("/api/auth/passkeys/register/options", null, "Authorization", bearer(account.access()));
        assertEquals(200, options.status(), options.body());
        Map<String, Object> o = options.map();
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) o.get("user");
        String credential = authenticator.register(decode((String) o.get("challenge")), decode((String) user.get("id")));
        Response created = post("/api/auth/passkeys/register", "{\"credential\":" + credential + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}",
                "Authorization", bearer(account.access()));
        assertEquals(201, created.status(), created.body());
        return created.map();
    }

    byte[] loginChallenge(String email) {
        Response options = email == null ? post("/api/auth/passkeys/login/options", "{}")
                : postJson("/api/auth/passkeys/login/options", Map.of("email", email));
        assertEquals(200, options.status(), options.body());
        return decode(options.string("challenge"));
    }

    Response login(String assertion) {
        return post("/api/auth/passkeys/login", "{\"credential\":" + assertion + "}");
    }

    Map<String, Object> claims(String jwt) {
        try {
            return json.readValue(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8),
                    Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<AuditEvent> events(String userId, AuditEvent.Type type) {
        return audit.find(new AuditLog.Query(new UserId(UUID.fromString(userId)), type, 0, 50)).items();
    }

    @Test
    void registrationAnswersTheOptionsABrowserNeedsAndStoresThePasskey() {
        Account account = account();
        Response options = post("/api/auth/passkeys/register/options", null, "Authorization", bearer(account.access()));
        assertEquals(200, options.status(), options.body());
        Map<String, Object> o = options.map();
        assertEquals(Map.of("id", "localhost", "name", "Gatehouse tests"), o.get("rp"));
        assertEquals("none", o.get("attestation"));
        assertEquals(Map.of("residentKey", "required", "requireResidentKey", true, "userVerification", "required"),
                o.get("authenticatorSelection"));
        assertEquals(32, decode((String) o.get("challenge")).length);
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) o.get("user");
        assertEquals(16, decode((String) user.get("id")).length);
        assertEquals(account.email(), user.get("name"));
        assertEquals(List.of(Map.of("type", "public-key", "alg", -7), Map.of("type", "public-key", "alg", -8),
                Map.of("type", "public-key", "alg", -257)), o.get("pubKeyCredParams"));
        assertEquals(300_000, ((Number) o.get("timeout")).intValue());

        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");
        String credential = authenticator.register(decode((String) o.get("challenge")), decode((String) user.get("id")));
        Response created = post("/api/auth/passkeys/register", "{\"credential\":" + credential + ",\"name\":\"  Work laptop \"}",
                "Authorization", bearer(account.access()));
        assertEquals(201, created.status(), created.body());
        assertEquals("Work laptop", created.string("name"));
        assertTrue(created.string("created_at").endsWith("Z"));

        Response list = get("/api/auth/passkeys", "Authorization", bearer(account.access()));
        assertEquals(200, list.status());
        assertEquals(1, list.list().size());
        Map<String, Object> listed = list.list().getFirst();
        assertEquals(created.string("id"), listed.get("id"));
        assertEquals(true, listed.get("backup_eligible"));
        assertEquals(true, listed.get("backed_up"));
        assertEquals(List.of("internal"), listed.get("transports"));
        assertNull(listed.get("last_used_at"));
        assertEquals(1, events(account.id(), AuditEvent.Type.PASSKEY_ADDED).size());

        // The same authenticator again: the options exclude it, and the service refuses it had the browser not.
        Response again = post("/api/auth/passkeys/register/options", null, "Authorization", bearer(account.access()));
        assertEquals(List.of(Map.of("type", "public-key", "id", authenticator.credentialIdText())), again.map().get("excludeCredentials"));
        String duplicate = authenticator.register(decode(again.string("challenge")), new byte[16]);
        Response refused = post("/api/auth/passkeys/register", "{\"credential\":" + duplicate + "}", "Authorization", bearer(account.access()));
        assertProblem(refused, 400, "validation_failed");
        assertTrue(refused.errors().containsKey("credential"), refused.body());
    }

    @Test
    void registrationNeedsABearerAndItsOwnLiveChallenge() {
        assertProblem(post("/api/auth/passkeys/register/options", null), 401, "not_authenticated");
        Account alice = account();
        Account bob = account();
        Response options = post("/api/auth/passkeys/register/options", null, "Authorization", bearer(alice.access()));
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");
        String credential = authenticator.register(decode(options.string("challenge")), new byte[16]);
        // Alice's ceremony finished by Bob: refused, and the challenge is spent.
        assertProblem(post("/api/auth/passkeys/register", "{\"credential\":" + credential + "}", "Authorization", bearer(bob.access())),
                400, "validation_failed");
        assertProblem(post("/api/auth/passkeys/register", "{\"credential\":" + credential + "}", "Authorization", bearer(alice.access())),
                400, "validation_failed");
        assertProblem(post("/api/auth/passkeys/register", "{\"credential\":\"nonsense\"}", "Authorization", bearer(alice.access())),
                400, "validation_failed");
        assertProblem(post("/api/auth/passkeys/register", "{\"credential\":{\"id\":\"x\"}}", "Authorization", bearer(alice.access())),
                400, "validation_failed");
    }

    @Test
    void aRegistrationFromAnOriginNotConfiguredIsRefused() {
        Account account = account();
        Response options = post("/api/auth/passkeys/register/options", null, "Authorization", bearer(account.access()));
        SoftwareAuthenticator phished = new SoftwareAuthenticator("http://localhost:6666", "localhost");
        String credential = phished.register(decode(options.string("challenge")), new byte[16]);
        Response refused = post("/api/auth/passkeys/register", "{\"credential\":" + credential + "}", "Authorization", bearer(account.access()));
        assertProblem(refused, 400, "validation_failed");
        assertTrue(refused.errors().get("credential").getFirst().contains("origin"), refused.body());
        assertEquals(0, get("/api/auth/passkeys", "Authorization", bearer(account.access())).list().size());
    }

    @Test
    void aDiscoverablePasskeySignsInByItselfAtAal2AndRefreshedTokensStayAal2() {
        Account account = account();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");
        registerPasskey(account, authenticator, null);

        Response options = post("/api/auth/passkeys/login/options", null);
        assertEquals(200, options.status(), options.body());
        assertEquals("localhost", options.string("rpId"));
        assertEquals(List.of(), options.map().get("allowCredentials"));
        assertEquals("required", options.string("userVerification"));
        Response signedIn = login(authenticator.assertion(decode(options.string("challenge"))));
        assertEquals(200, signedIn.status(), signedIn.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) signedIn.map().get("user");
        assertEquals(account.email(), user.get("email"));
        assertEquals("Bearer", signedIn.string("token_type"));
        Map<String, Object> claims = claims(signedIn.string("access"));
        assertEquals(List.of("hwk"), claims.get("amr"));
        assertEquals("aal2", claims.get("aal"));
        assertEquals(account.id(), claims.get("sub"));

        Response refreshed = postJson("/api/auth/refresh", Map.of("refresh", signedIn.string("refresh")));
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals(List.of("hwk"), claims(refreshed.string("access")).get("amr"));
        assertEquals("aal2", claims(refreshed.string("access")).get("aal"));

        Map<String, Object> listed = get("/api/auth/passkeys", "Authorization", bearer(account.access())).list().getFirst();
        assertTrue(listed.get("last_used_at") instanceof String, listed.toString());
        assertTrue(events(account.id(), AuditEvent.Type.LOGIN_SUCCESS).stream().anyMatch(e -> e.detail() != null && e.detail().startsWith("passkey")));
    }

    @Test
    void aSignInByEmailWorksForThatAccountAndAnUnknownAddressAnswersTheSameShape() {
        Account account = account();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");
        registerPasskey(account, authenticator, "Phone");
        Response known = postJson("/api/auth/passkeys/login/options", Map.of("email", account.email()));
        Response unknown = postJson("/api/auth/passkeys/login/options", Map.of("email", uniqueEmail()));
        assertEquals(200, unknown.status(), unknown.body());
        assertEquals(known.map().keySet(), unknown.map().keySet());
        assertEquals(known.map().get("allowCredentials"), unknown.map().get("allowCredentials"));
        assertEquals(known.body().length(), unknown.body().length());
        assertNotEquals(known.string("challenge"), unknown.string("challenge"));
        assertEquals(200, login(authenticator.assertion(decode(known.string("challenge")))).status());
        // Nothing answers for an address without an account, not even a real passkey.
        assertProblem(login(authenticator.assertion(decode(unknown.string("challenge")))), 401, "invalid_credentials");
    }

    @Test
    void oneUsersPasskeyCannotSignInToAnotherUsersAccount() {
        Account alice = account();
        Account bob = account();
        SoftwareAuthenticator alicesKey = new SoftwareAuthenticator(ORIGIN, "localhost");
        registerPasskey(alice, alicesKey, null);
        registerPasskey(bob, new SoftwareAuthenticator(ORIGIN, "localhost"), null);
        // A sign-in as Bob answered with Alice's passkey.
        Response refused = login(alicesKey.assertion(loginChallenge(bob.email())));
        assertProblem(refused, 401, "invalid_credentials");
        assertTrue(events(alice.id(), AuditEvent.Type.LOGIN_FAILURE).stream()
                .anyMatch(e -> e.detail().contains("another account")), "audited against the passkey's owner");
        // Alice's passkey claiming Bob's user handle in a usernameless sign-in: refused too.
        Response bobsOptions = post("/api/auth/passkeys/register/options", null, "Authorization", bearer(bob.access()));
        @SuppressWarnings("unchecked")
        Map<String, Object> bobUser = (Map<String, Object>) bobsOptions.map().get("user");
        alicesKey.claimUserHandle(decode((String) bobUser.get("id")));
        assertProblem(login(alicesKey.assertion(loginChallenge(null))), 401, "invalid_credentials");
    }

    @Test
    void aReplayedAssertionIsRefusedBecauseItsChallengeIsSpent() {
        Account account = account();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");
        registerPasskey(account, authenticator, null);
        String assertion = authenticator.assertion(loginChallenge(null));
        assertEquals(200, login(assertion).status());
        assertProblem(login(assertion), 401, "invalid_credentials");
        // A challenge the service never issued.
        assertProblem(login(authenticator.assertion(new byte[32])), 401, "invalid_credentials");
    }

    @Test
    void anAssertionFromAnotherOriginIsRefusedAndSpendsItsChallenge() {
        Account account = account();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");
        registerPasskey(account, authenticator, null);
        byte[] challenge = loginChallenge(null);
        authenticator.origin = "http://evil.localhost:5173";
        assertProblem(login(authenticator.assertion(challenge)), 401, "invalid_credentials");
        authenticator.origin = ORIGIN;
        assertProblem(login(authenticator.assertion(challenge)), 401, "invalid_credentials");
        // The second configured origin is as good as the first.
        authenticator.origin = "http://localhost:5174";
        assertEquals(200, login(authenticator.assertion(loginChallenge(null))).status());
    }

    @Test
    void aSignCounterThatGoesBackwardsIsRefusedAndAudited() {
        Account account = account();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");
        registerPasskey(account, authenticator, null);
        assertEquals(200, login(authenticator.assertion(loginChallenge(null))).status());
        assertEquals(200, login(authenticator.assertion(loginChallenge(null))).status()); // counter 3 now
        authenticator.setCounter(1); // a copy of the key that signs with counter 2
        assertProblem(login(authenticator.assertion(loginChallenge(null))), 401, "invalid_credentials");
        List<AuditEvent> regressions = events(account.id(), AuditEvent.Type.PASSKEY_COUNTER_REGRESSED);
        assertEquals(1, regressions.size());
        assertTrue(regressions.getFirst().detail().contains("sign counter 2 after 3"), regressions.getFirst().detail());
        // The stored counter did not move back: the original key, counting on, still signs in.
        authenticator.setCounter(3);
        assertEquals(200, login(authenticator.assertion(loginChallenge(null))).status());
    }

    @Test
    void anAuthenticatorThatNeverCountsKeepsSigningIn() {
        Account account = account();
        SoftwareAuthenticator synced = new SoftwareAuthenticator(ORIGIN, "localhost");
        synced.counts = false;
        registerPasskey(account, synced, null);
        assertEquals(200, login(synced.assertion(loginChallenge(null))).status());
        assertEquals(200, login(synced.assertion(loginChallenge(null))).status());
    }

    @Test
    void passkeysAreRenamedAndRemovedByTheirOwnerOnly() {
        Account alice = account();
        Account bob = account();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");
        String id = (String) registerPasskey(alice, authenticator, null).get("id");
        assertEquals(1, ((Number) get("/api/auth/mfa", "Authorization", bearer(alice.access())).map().get("passkeys")).intValue(),
                "the MFA status counts the passkey");
        assertEquals(0, ((Number) get("/api/auth/mfa", "Authorization", bearer(bob.access())).map().get("passkeys")).intValue());
        Response renamed = send("PATCH", "/api/auth/passkeys/" + id, "{\"name\":\"YubiKey\"}", "application/json",
                "Authorization", bearer(alice.access()));
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("YubiKey", renamed.string("name"));
        assertProblem(send("PATCH", "/api/auth/passkeys/" + id, "{\"name\":\" \"}", "application/json",
                "Authorization", bearer(alice.access())), 400, "validation_failed");
        assertProblem(send("PATCH", "/api/auth/passkeys/" + id, "{\"name\":\"" + "x".repeat(65) + "\"}", "application/json",
                "Authorization", bearer(alice.access())), 400, "validation_failed");
        assertProblem(send("PATCH", "/api/auth/passkeys/" + id, "{\"name\":\"Mine now\"}", "application/json",
                "Authorization", bearer(bob.access())), 404, "not_found");
        assertProblem(send("DELETE", "/api/auth/passkeys/" + id, null, null, "Authorization", bearer(bob.access())), 404, "not_found");
        assertProblem(send("DELETE", "/api/auth/passkeys/not-a-uuid", null, null, "Authorization", bearer(alice.access())), 404, "not_found");
        assertEquals(204, send("DELETE", "/api/auth/passkeys/" + id, null, null, "Authorization", bearer(alice.access())).status());
        assertEquals(0, get("/api/auth/passkeys", "Authorization", bearer(alice.access())).list().size());
        assertEquals(0, ((Number) get("/api/auth/mfa", "Authorization", bearer(alice.access())).map().get("passkeys")).intValue());
        assertEquals(1, events(alice.id(), AuditEvent.Type.PASSKEY_REMOVED).size());
        // A removed passkey signs in no more.
        assertProblem(login(authenticator.assertion(loginChallenge(null))), 401, "invalid_credentials");
    }

    @Test
    void aDisabledAccountCannotSignInWithItsPasskey() {
        Account account = account();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");
        registerPasskey(account, authenticator, null);
        Response disabled = send("PATCH", "/api/admin/users/" + account.id(), "{\"is_active\":false}", "application/json",
                "Authorization", bearer(adminToken()));
        assertEquals(200, disabled.status(), disabled.body());
        assertProblem(login(authenticator.assertion(loginChallenge(null))), 403, "account_disabled");
    }

    @Test
    void malformedSignInBodiesAreFieldErrorsNeverServerErrors() {
        assertProblem(post("/api/auth/passkeys/login", "{}"), 400, "validation_failed");
        assertProblem(post("/api/auth/passkeys/login", "{\"credential\":42}"), 400, "validation_failed");
        assertProblem(post("/api/auth/passkeys/login", "{\"credential\":{\"id\":\"AAAA\",\"type\":\"public-key\"}}"), 401, "invalid_credentials");
        assertProblem(postJson("/api/auth/passkeys/login/options", Map.of("email", "not an address")), 400, "validation_failed");
        assertFalse(post("/api/auth/passkeys/login/options", null).body().contains("Exception"));
    }

    @Test
    void passkeySignInsAreLimitedPerClientAddressLikeLogins() {
        tune(t -> withLimits(t, new RateLimits(5, java.time.Duration.ofMinutes(15), 3, 1_000, 100_000, 100_000, 100_000)));
        try {
            int limited = 0;
            for (int i = 0; i < 5; i++) {
                Response r = post("/api/auth/passkeys/login/options", "{}");
                if (r.status() == 429) {
                    limited++;
                    assertTrue(r.headers().firstValue("retry-after").isPresent());
                    assertProblem(r, 429, "rate_limited");
                }
            }
            assertTrue(limited >= 2, "the fourth and fifth within a minute are refused");
            assertProblem(post("/api/auth/passkeys/login", "{\"credential\":{}}"), 429, "rate_limited");
        } finally {
            // The per-address counter stays for this minute; under the usual test limit it stops nobody.
            tune(t -> TEST_DEFAULTS);
        }
    }

    @Test
    void theDemoPageIsServedWhenSwitchedOnWithAScriptOnlyFromItsOwnOrigin() {
        Response page = get("/passkeys-demo");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains("/passkeys-demo/app.js"));
        String csp = page.headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && csp.contains("connect-src 'self'") && !csp.contains("unsafe"), csp);
        Response script = get("/passkeys-demo/app.js");
        assertEquals(200, script.status());
        assertTrue(script.body().contains("navigator.credentials.create"));
    }
}
