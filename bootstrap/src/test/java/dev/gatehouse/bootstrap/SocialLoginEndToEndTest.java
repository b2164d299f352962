package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.User;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Social login end to end against a real OpenID provider on loopback (mock-oauth2-server: discovery, JWKS,
 * authorization code with PKCE, signed id_tokens) and a GitHub-shaped OAuth 2.0 provider served by the test:
 * the browser flow followed redirect by redirect, the native id_token flow, the linking rules, and what a
 * forged, replayed or stale answer, or a broken provider, gets.
 */
@MicronautTest(transactional = false)
class SocialLoginEndToEndTest extends HttpTest {
    static final String APP = "https://app.example.test/social/done";
    static final String CLIENT_ID = "gatehouse-test-client";

    final MockOAuth2Server oidc = startedOidc();
    final GitHubShapedProvider github = new GitHubShapedProvider();
    /** A browser: keeps cookies, follows no redirect by itself (each hop is looked at). */
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    UserRepository users;

    private static MockOAuth2Server startedOidc() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @Override
    Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>(github.properties("gh"));
        p.put("auth.oidc.providers.mock.issuer", issuer("mock"));
        p.put("auth.oidc.providers.mock.client-id", CLIENT_ID);
        p.put("auth.oidc.providers.mock.client-secret", "mock-secret");
        // Nothing listens on port 1: connection refused, at once.
        p.put("auth.oidc.providers.gone.issuer", "http://127.0.0.1:1/gone");
        p.put("auth.oidc.providers.gone.client-id", "gone-client");
        p.put("auth.oidc.timeout", "2s");
        p.put("auth.oauth.redirect-allowlist", APP + ", https://other.example.test/cb?x=1");
        return p;
    }

    @AfterAll
    void stopProviders() {
        oidc.shutdown();
        github.close();
    }

    String issuer(String id) {
        String url = oidc.issuerUrl(id).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** What the provider will say about the next person who signs in there. */
    void nextPerson(String subject, String email, boolean verified) {
        oidc.enqueueCallback(new DefaultOAuth2TokenCallback("mock", subject, JOSEObjectType.JWT.getType(), null,
                Map.of("email", email, "email_verified", verified, "given_name", "Ada", "family_name", "Lovelace"), 3600));
    }

    /** An id_token as a native app gets it from the provider. */
    String idToken(String issuerId, String subject, String email, List<String> audience, Map<String, Object> extra, long expiry) {
        Map<String, Object> claims = new HashMap<>(Map.of("email", email, "email_verified", true));
        claims.putAll(extra);
        return oidc.issueToken(issuerId, CLIENT_ID, new DefaultOAuth2TokenCallback(issuerId, subject, JOSEObjectType.JWT.getType(),
                audience, claims, expiry)).serialize();
    }

    String idToken(String subject, String email, String nonce) {
        return idToken("mock", subject, email, List.of(CLIENT_ID), nonce == null ? Map.of() : Map.of("nonce", nonce), 3600);
    }

    record Hop(int status, URI location, String body) {
    }

    Hop hop(URI uri) {
        try {
            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Hop(r.statusCode(), r.headers().firstValue("location").map(uri::resolve).orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI ours(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    /** Follows the browser from authorize to the provider and back, up to the hop onto our callback (not taken). */
    URI untilCallback(String provider, String redirectTo, String intent) {
        URI next = ours("/api/auth/oauth/" + provider + "/authorize?redirect_to=" + URLEncoder.encode(redirectTo, StandardCharsets.UTF_8)
                + (intent == null ? "" : intent.startsWith("&") ? intent : "&intent=" + intent));
        for (int i = 0; i < 5; i++) {
            Hop h = hop(next);
            assertEquals(302, h.status(), "hop " + i + " to " + next + ": " + h.body());
            if (h.location().getPath().equals("/api/auth/oauth/" + provider + "/callback")) {
                return h.location();
            }
            next = h.location();
        }
        throw new AssertionError("never came back to the callback");
    }

    /** The whole browser flow: the parameters the browser lands with at redirect_to. */
    Map<String, String> browserFlow(String provider, String intent) {
        URI callback = untilCallback(provider, APP, intent);
        Hop back = hop(callback);
        assertEquals(302, back.status(), back.body());
        assertTrue(back.location().toString().startsWith(APP + "?"), back.location().toString());
        return GitHubShapedProvider.query(back.location().getRawQuery());
    }

    Map<String, Object> claimsOf(String jwt) {
        try {
            return json.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String subject() {
        return "sub-" + UUID.randomUUID();
    }

    // --- the browser flow ------------------------------------------------------------------------------

    @Test
    void theBrowserFlowSignsInANewPersonWithACodeRedeemedOnceForTokensThatSayFederated() {
        String email = uniqueEmail();
        nextPerson(subject(), email, true);
        Map<String, String> landed = browserFlow("mock", null);
        assertEquals(null, landed.get("error"), landed.toString());
        String code = landed.get("code");
        assertNotNull(code);
        assertFalse(landed.containsKey("access") || landed.containsKey("refresh"), "never a token in a URL");

        Response pair = postJson("/api/auth/oauth/token", Map.of("code", code));
        assertEquals(200, pair.status(), pair.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) pair.map().get("user");
        assertEquals(email, user.get("email"));
        assertEquals(true, user.get("email_verified"), "the provider vouched for the address");
        assertEquals("Ada", user.get("first_name"));
        Map<String, Object> claims = claimsOf(pair.string("access"));
        assertEquals(List.of("fed"), claims.get("amr"));
        assertEquals("aal1", claims.get("aal"));

        // The code was good for one sign-in.
        assertProblem(postJson("/api/auth/oauth/token", Map.of("code", code)), 401, "token_not_valid");
        // The new account has no password: password login fails exactly like a wrong one.
        assertProblem(postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)), 401, "invalid_credentials");

        // The refreshed token still says how the session was opened.
        Response refreshed = postJson("/api/auth/refresh", Map.of("refresh", pair.string("refresh")));
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals(List.of("fed"), claimsOf(refreshed.string("access")).get("amr"));

        Response identities = get("/api/auth/identities", "Authorization", bearer(pair.string("access")));
        assertEquals(200, identities.status(), identities.body());
        assertEquals(1, identities.list().size());
        assertEquals("mock", identities.list().getFirst().get("provider"));
        assertEquals(email, identities.list().getFirst().get("email"));
    }

    @Test
    void theSamePersonSigningInAgainGetsTheSameAccountByProviderAndSubject() {
        String subject = subject();
        String email = uniqueEmail();
        nextPerson(subject, email, true);
        String first = postJson("/api/auth/oauth/token", Map.of("code", browserFlow("mock", null).get("code"))).map().get("user").toString();
        // Same subject, another address at the provider: still the same account (matched by subject, never by email).
        nextPerson(subject, uniqueEmail(), true);
        String again = postJson("/api/auth/oauth/token", Map.of("code", browserFlow("mock", null).get("code"))).map().get("user").toString();
        assertEquals(idOf(first), idOf(again));
    }

    private static String idOf(String userMap) {
        return userMap.replaceAll(".*\\bid=([^,}]+).*", "$1");
    }

    @Test
    void aFrontendThatSentItsOwnChallengeRedeemsTheCodeOnlyWithItsVerifier() {
        String verifier = "frontend-verifier-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = GitHubShapedProvider.BeginChallenge.of(verifier);
        String bound = "&code_challenge=" + challenge + "&code_challenge_method=S256";
        nextPerson(subject(), uniqueEmail(), true);
        String code = browserFlow("mock", bound).get("code");
        assertProblem(postJson("/api/auth/oauth/token", Map.of("code", code)), 401, "token_not_valid");
        // One attempt per code: the right verifier comes too late for that one.
        assertProblem(postJson("/api/auth/oauth/token", Map.of("code", code, "code_verifier", verifier)), 401, "token_not_valid");

        nextPerson(subject(), uniqueEmail(), true);
        code = browserFlow("mock", bound).get("code");
        assertProblem(postJson("/api/auth/oauth/token", Map.of("code", code, "code_verifier", verifier.replace('f', 'g'))), 401,
                "token_not_valid");
        nextPerson(subject(), uniqueEmail(), true);
        code = browserFlow("mock", bound).get("code");
        assertEquals(200, postJson("/api/auth/oauth/token", Map.of("code", code, "code_verifier", verifier)).status());
        assertProblem(get("/api/auth/oauth/mock/authorize?redirect_to=" + URLEncoder.encode(APP, StandardCharsets.UTF_8)
                + "&code_challenge=short"), 400, "validation_failed");
    }

    @Test
    void aReplayedCallbackFindsItsStateSpent() {
        nextPerson(subject(), uniqueEmail(), true);
        URI callback = untilCallback("mock", APP, null);
        Hop first = hop(callback);
        assertEquals(302, first.status());
        assertTrue(first.location().getRawQuery().startsWith("code="), first.location().toString());
        assertProblem(toResponse(hop(callback)), 400, "oauth_state_invalid");
    }

    @Test
    void aForgedOrMissingStateIsRefusedAndNothingIsRedirected() {
        assertProblem(get("/api/auth/oauth/mock/callback?state=" + "A".repeat(43) + "&code=anything"), 400, "oauth_state_invalid");
        assertProblem(get("/api/auth/oauth/mock/callback?code=anything"), 400, "oauth_state_invalid");
        // A real state, presented at another provider's callback: refused, and spent.
        URI callback = untilCallback("gh", APP, null);
        assertProblem(get("/api/auth/oauth/mock/callback?" + callback.getRawQuery()), 400, "oauth_state_invalid");
        assertProblem(get(callback.getRawPath() + "?" + callback.getRawQuery()), 400, "oauth_state_invalid");
    }

    @Test
    void theProvidersRefusalEndsAtRedirectToWithAnError() {
        URI callback = untilCallback("gh", APP, null);
        String state = GitHubShapedProvider.query(callback.getRawQuery()).get("state");
        Hop back = hop(ours("/api/auth/oauth/gh/callback?error=access_denied&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)));
        assertEquals(302, back.status());
        assertEquals(URI.create(APP + "?error=access_denied"), back.location());
    }

    @Test
    void redirectToMustBeAnAllowedUrlExactlyAndTheProviderMustExist() {
        assertProblem(get("/api/auth/oauth/mock/authorize?redirect_to=" + URLEncoder.encode(APP + "/evil", StandardCharsets.UTF_8)),
                400, "redirect_not_allowed");
        assertProblem(get("/api/auth/oauth/mock/authorize?redirect_to=https%3A%2F%2Fevil.example"), 400, "redirect_not_allowed");
        assertProblem(get("/api/auth/oauth/mock/authorize"), 400, "redirect_not_allowed");
        assertProblem(get("/api/auth/oauth/nobody/authorize?redirect_to=" + URLEncoder.encode(APP, StandardCharsets.UTF_8)), 404,
                "unknown_provider");
        // An allowed URL with a query of its own gets the code appended to it.
        nextPerson(subject(), uniqueEmail(), true);
        URI callback = untilCallback("mock", "https://other.example.test/cb?x=1", null);
        Hop back = hop(callback);
        assertTrue(back.location().toString().startsWith("https://other.example.test/cb?x=1&code="), back.location().toString());
    }

    @Test
    void anExistingAccountIsJoinedOnlyWhenBothSidesVouchForTheAddress() {
        String email = uniqueEmail();
        String userId = (String) ((Map<?, ?>) register(email).map().get("user")).get("id");
        // The account's address is not proved here yet: no automatic link, and nothing is created.
        nextPerson(subject(), email, true);
        assertEquals("account_exists", browserFlow("mock", null).get("error"));
        assertProblem(postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", idToken(subject(), email, null))), 409, "account_exists");

        markVerified(userId);
        // The provider does not vouch for it: still no link, and no new account either.
        String unvouched = oidc.issueToken("mock", CLIENT_ID, new DefaultOAuth2TokenCallback("mock", subject(), JOSEObjectType.JWT.getType(),
                List.of(CLIENT_ID), Map.of("email", email, "email_verified", false), 3600)).serialize();
        assertProblem(postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", unvouched)), 400, "provider_email_unverified");

        Response joined = postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", idToken(subject(), email, null)));
        assertEquals(200, joined.status(), joined.body());
        assertEquals(userId, ((Map<?, ?>) joined.map().get("user")).get("id"));
        // The password still works beside it.
        assertEquals(200, postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)).status());
    }

    // --- the native id_token flow ------------------------------------------------------------------------

    @Test
    void anAccountWithAnAuthenticatorAppGivesTheCodeAfterTheProviderAndTheSessionSaysFedAndOtp() {
        String subject = subject();
        String email = uniqueEmail();
        Response first = postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", idToken(subject, email, null)));
        assertEquals(200, first.status(), first.body());
        String access = first.string("access");
        byte[] secret = MfaEndToEndTest.base32(post("/api/auth/mfa/totp/setup", null, "Authorization", bearer(access)).string("secret"));
        long step = dev.gatehouse.application.service.Totp.step(java.time.Instant.now());
        Response confirmed = postJson("/api/auth/mfa/totp/confirm",
                Map.of("code", dev.gatehouse.application.service.Totp.code(secret, step, 6)), "Authorization", bearer(access));
        assertEquals(200, confirmed.status(), confirmed.body());

        Response pending = postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", idToken(subject, email, null)));
        assertEquals(200, pending.status(), pending.body());
        assertEquals(Boolean.TRUE, pending.map().get("mfa_required"), pending.body());
        assertFalse(pending.map().containsKey("access"), "no tokens before the code");
        // The next step's code: inside the ±1 window, and later than the one spent at confirmation.
        Response verified = postJson("/api/auth/mfa/verify", Map.of("mfa_token", pending.string("mfa_token"),
                "code", dev.gatehouse.application.service.Totp.code(secret, step + 1, 6)));
        assertEquals(200, verified.status(), verified.body());
        Map<String, Object> claims = claimsOf(verified.string("access"));
        assertEquals(List.of("fed", "otp"), claims.get("amr"));
        assertEquals("aal2", claims.get("aal"));
    }

    @Test
    void aNativeIdTokenIsCheckedForSignatureIssuerAudienceExpiryAndNonce() {
        String subject = subject();
        String email = uniqueEmail();
        String nonce = UUID.randomUUID().toString();
        Response ok = postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", idToken(subject, email, nonce), "nonce", nonce));
        assertEquals(200, ok.status(), ok.body());
        assertEquals(List.of("fed"), claimsOf(ok.string("access")).get("amr"));

        assertProblem(postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", idToken(subject, email, nonce), "nonce", "another")),
                401, "provider_token_invalid");
        assertProblem(postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", idToken(subject, email, null), "nonce", nonce)),
                401, "provider_token_invalid");
        assertProblem(postJson("/api/auth/oauth/mock/id-token", Map.of("id_token",
                idToken("mock", subject, email, List.of("someone-else"), Map.of(), 3600))), 401, "provider_token_invalid");
        assertProblem(postJson("/api/auth/oauth/mock/id-token", Map.of("id_token",
                idToken("mock", subject, email, List.of(CLIENT_ID), Map.of(), -3600))), 401, "provider_token_invalid");
        // Signed by the same server, but for another issuer: the signature is good, the issuer is not.
        assertProblem(postJson("/api/auth/oauth/mock/id-token", Map.of("id_token",
                idToken("elsewhere", subject, email, List.of(CLIENT_ID), Map.of(), 3600))), 401, "provider_token_invalid");
        // A token whose signature is not the provider's.
        String real = idToken(subject, email, null);
        String[] parts = real.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(subject, subject() ).getBytes(StandardCharsets.UTF_8));
        assertProblem(postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", parts[0] + "." + forgedPayload + "." + parts[2])),
                401, "provider_token_invalid");
        assertProblem(postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", "not-a-jwt")), 401, "provider_token_invalid");
        assertProblem(postJson("/api/auth/oauth/mock/id-token", Map.of()), 400, "validation_failed");
        assertProblem(postJson("/api/auth/oauth/gh/id-token", Map.of("id_token", real)), 401, "provider_token_invalid");
    }

    // --- identities ------------------------------------------------------------------------------------

    @Test
    void identitiesAreConnectedToTheCallerAndDisconnectedUnlessTheyAreTheLastWayIn() {
        String access = register(uniqueEmail()).string("access");
        String subject = subject();
        Response connected = postJson("/api/auth/identities/mock/connect", Map.of("id_token", idToken(subject, uniqueEmail(), null)),
                "Authorization", bearer(access));
        assertEquals(201, connected.status(), connected.body());
        assertEquals(subject, connected.string("subject"));
        // Connecting it again is no change.
        assertEquals(connected.string("id"), postJson("/api/auth/identities/mock/connect",
                Map.of("id_token", idToken(subject, uniqueEmail(), null)), "Authorization", bearer(access)).string("id"));
        // Another account cannot take it.
        String other = register(uniqueEmail()).string("access");
        assertProblem(postJson("/api/auth/identities/mock/connect", Map.of("id_token", idToken(subject, uniqueEmail(), null)),
                "Authorization", bearer(other)), 409, "identity_taken");
        assertProblem(postJson("/api/auth/identities/mock/connect", Map.of("id_token", idToken(subject, uniqueEmail(), null))),
                401, "not_authenticated");
        assertProblem(send("DELETE", "/api/auth/identities/" + connected.string("id"), null, null, "Authorization", bearer(other)),
                404, "not_found");
        // This account has a password: the identity may go.
        assertEquals(204, send("DELETE", "/api/auth/identities/" + connected.string("id"), null, null, "Authorization", bearer(access)).status());
        assertEquals(0, get("/api/auth/identities", "Authorization", bearer(access)).list().size());

        // An account made by social login has no password: its only identity stays.
        Response social = postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", idToken(subject(), uniqueEmail(), null)));
        String socialAccess = social.string("access");
        String only = (String) get("/api/auth/identities", "Authorization", bearer(socialAccess)).list().getFirst().get("id");
        assertProblem(send("DELETE", "/api/auth/identities/" + only, null, null, "Authorization", bearer(socialAccess)), 400,
                "last_login_method");
        // With a second identity, either may go.
        assertEquals(201, postJson("/api/auth/identities/mock/connect", Map.of("id_token", idToken(subject(), uniqueEmail(), null)),
                "Authorization", bearer(socialAccess)).status());
        assertEquals(204, send("DELETE", "/api/auth/identities/" + only, null, null, "Authorization", bearer(socialAccess)).status());
    }

    @Test
    void aBrowserFlowStartedToConnectEndsInACodeOnlyTheSignedInCallerCanUse() {
        String email = uniqueEmail();
        String access = register(email).string("access");
        String subject = subject();
        // A connect flow must be bound to the frontend that starts it (its PKCE challenge).
        assertProblem(get("/api/auth/oauth/mock/authorize?intent=connect&redirect_to=" + URLEncoder.encode(APP, StandardCharsets.UTF_8)),
                400, "validation_failed");
        String verifier = "v".repeat(43);
        String challenge = GitHubShapedProvider.BeginChallenge.of(verifier);
        String bound = "&intent=connect&code_challenge=" + challenge + "&code_challenge_method=S256";
        nextPerson(subject, uniqueEmail(), true);
        String code = browserFlow("mock", bound).get("code");
        assertProblem(postJson("/api/auth/oauth/token", Map.of("code", code)), 401, "token_not_valid");
        // (that attempt spent it: a connection code is not a sign-in code) — start again.
        nextPerson(subject, uniqueEmail(), true);
        code = browserFlow("mock", bound).get("code");
        // Someone else's frontend holding the code (a code slipped into a victim's session) has no verifier.
        assertProblem(postJson("/api/auth/identities/mock/connect", Map.of("code", code), "Authorization", bearer(access)),
                400, "validation_failed");
        assertProblem(postJson("/api/auth/identities/mock/connect", Map.of("code", code, "code_verifier", "w".repeat(43)),
                "Authorization", bearer(access)), 401, "token_not_valid");
        nextPerson(subject, uniqueEmail(), true);
        code = browserFlow("mock", bound).get("code");
        Response linked = postJson("/api/auth/identities/mock/connect", Map.of("code", code, "code_verifier", verifier),
                "Authorization", bearer(access));
        assertEquals(201, linked.status(), linked.body());
        assertEquals(subject, linked.string("subject"));
        assertProblem(postJson("/api/auth/identities/mock/connect", Map.of("code", code, "code_verifier", verifier),
                "Authorization", bearer(access)), 401, "token_not_valid");
        // Signing in with that identity now opens the account it was connected to.
        Response in = postJson("/api/auth/oauth/mock/id-token", Map.of("id_token", idToken(subject, uniqueEmail(), null)));
        assertEquals(email, ((Map<?, ?>) in.map().get("user")).get("email"));
    }

    // --- a GitHub-shaped OAuth 2.0 provider -----------------------------------------------------------------

    @Test
    void aGitHubShapedProviderSignsInWithItsVerifiedPrimaryAddress() {
        github.userId = System.nanoTime() % 1_000_000_000L;
        github.primaryEmail = uniqueEmail();
        github.primaryVerified = true;
        Map<String, String> landed = browserFlow("gh", null);
        Response pair = postJson("/api/auth/oauth/token", Map.of("code", landed.get("code")));
        assertEquals(200, pair.status(), pair.body());
        Map<?, ?> user = (Map<?, ?>) pair.map().get("user");
        assertEquals(github.primaryEmail, user.get("email"), "the verified primary, not the public address of /user");
        assertEquals("Mona Lisa", user.get("first_name"));
        Map<String, Object> identity = get("/api/auth/identities", "Authorization", bearer(pair.string("access"))).list().getFirst();
        assertEquals(Long.toString(github.userId), identity.get("subject"));

        // No verified primary address: no account can be made for it.
        github.userId = github.userId + 1;
        github.primaryEmail = uniqueEmail();
        github.primaryVerified = false;
        assertEquals("provider_email_unverified", browserFlow("gh", null).get("error"));
        User none = users.findByEmail(EmailAddress.of(github.primaryEmail)).orElse(null);
        assertEquals(null, none, "nothing was created");
    }

    // --- a provider that is down, slow or broken ---------------------------------------------------------

    @Test
    void aProviderThatIsDownSlowOrBrokenIsReportedWithAStableCodeNeverA500() {
        github.userId = 77;
        github.primaryVerified = true;
        try {
            github.mode = GitHubShapedProvider.Mode.DOWN;
            assertEquals("provider_unavailable", browserFlow("gh", null).get("error"));
            github.mode = GitHubShapedProvider.Mode.SLOW;
            long started = System.nanoTime();
            assertEquals("provider_unavailable", browserFlow("gh", null).get("error"));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 8, "bounded by the configured timeout");
            github.mode = GitHubShapedProvider.Mode.GARBAGE;
            assertEquals("provider_error", browserFlow("gh", null).get("error"));
        } finally {
            github.mode = GitHubShapedProvider.Mode.OK;
        }
        // An OpenID provider nobody answers for: discovery fails, and is tried again next time (never cached).
        assertProblem(get("/api/auth/oauth/gone/authorize?redirect_to=" + URLEncoder.encode(APP, StandardCharsets.UTF_8)), 503,
                "provider_unavailable");
        assertProblem(postJson("/api/auth/oauth/gone/id-token", Map.of("id_token", idToken(subject(), uniqueEmail(), null))), 503,
                "provider_unavailable");
    }

    private Response toResponse(Hop hop) {
        return new Response(hop.status(), java.net.http.HttpHeaders.of(Map.of("content-type", List.of("application/problem+json")),
                (a, b) -> true), hop.body(), json);
    }
}
