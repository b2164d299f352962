package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * dj-rest-auth's social views (SocialLoginView, SocialConnectView, the social-account list and disconnect)
 * as a Django frontend calls them, against a real OpenID provider on loopback, with allauth's error bodies.
 */
@MicronautTest(transactional = false)
class DjRestAuthSocialEndToEndTest extends HttpTest {
    static final String CLIENT_ID = "dj-social-client";
    final MockOAuth2Server oidc = started();

    private static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @Override
    Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("auth.compat.dj-rest-auth.enabled", "true");
        String issuer = oidc.issuerUrl("google-like").toString();
        p.put("auth.oidc.providers.google.issuer", issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer);
        p.put("auth.oidc.providers.google.client-id", CLIENT_ID);
        p.put("auth.oidc.providers.google.client-secret", "s3cret");
        return p;
    }

    @AfterAll
    void stop() {
        oidc.shutdown();
    }

    String idToken(String subject, String email, boolean verified) {
        return oidc.issueToken("google-like", CLIENT_ID, new DefaultOAuth2TokenCallback("google-like", subject, JOSEObjectType.JWT.getType(),
                List.of(CLIENT_ID), Map.of("email", email, "email_verified", verified), 3600)).serialize();
    }

    static String subject() {
        return "g-" + UUID.randomUUID();
    }

    private static void assertDrf(Response response, int status, Map<String, Object> expected) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        assertEquals(expected, response.map());
    }

    @Test
    void socialLoginAnswersLikeTheLoginViewAndRefusesAsTheSerializerDoes() {
        String email = uniqueEmail();
        Response in = postJson("/dj-rest-auth/google/", Map.of("id_token", idToken(subject(), email, true)));
        assertEquals(200, in.status(), in.body());
        assertEquals(email, ((Map<?, ?>) in.map().get("user")).get("email"));
        assertTrue(in.map().containsKey("access") && in.map().containsKey("refresh") && in.map().containsKey("access_expiration"));
        // Form-encoded, as allauth frontends often post it; without the trailing slash too.
        Response form = send("POST", "/dj-rest-auth/google", "id_token=" + idToken(subject(), uniqueEmail(), true),
                "application/x-www-form-urlencoded");
        assertEquals(200, form.status(), form.body());

        assertDrf(postJson("/dj-rest-auth/google/", Map.of()), 400,
                Map.of("non_field_errors", List.of("Incorrect input. access_token or code is required.")));
        assertDrf(postJson("/dj-rest-auth/google/", Map.of("access_token", "", "code", "")), 400,
                Map.of("non_field_errors", List.of("Incorrect input. access_token or code is required.")));
        // A bare access token could come from any app the person authorised: refused, whatever it is.
        assertDrf(postJson("/dj-rest-auth/google/", Map.of("access_token", "ya29.from-some-other-app")), 400,
                Map.of("non_field_errors", List.of("An access_token alone is not accepted: send the provider's id_token, or a code.")));
        assertDrf(postJson("/dj-rest-auth/google/", Map.of("id_token", "forged.token.here")), 400,
                Map.of("non_field_errors", List.of("Incorrect value")));
        // An address registered here by password, not yet proved: allauth's refusal.
        String taken = uniqueEmail();
        register(taken);
        assertDrf(postJson("/dj-rest-auth/google/", Map.of("id_token", idToken(subject(), taken, true))), 400,
                Map.of("non_field_errors", List.of("User is already registered with this e-mail address.")));
        assertDrf(postJson("/dj-rest-auth/nobody/", Map.of("id_token", "x")), 404, Map.of("detail", "Not found."));
    }

    @Test
    void theDialectsOwnViewsKeepTheirAnswers() {
        // POST on the user view: DRF authenticates first (401), and with a token it is a 405.
        Response anonymous = postJson("/dj-rest-auth/user/", Map.of());
        assertEquals(401, anonymous.status(), anonymous.body());
        String access = register(uniqueEmail()).string("access");
        Response wrongMethod = postJson("/dj-rest-auth/user/", Map.of(), "Authorization", bearer(access));
        assertDrf(wrongMethod, 405, Map.of("detail", "Method \"POST\" not allowed."));
        assertEquals("GET, PUT, PATCH, HEAD, OPTIONS", wrongMethod.headers().firstValue("allow").orElse(""));
    }

    @Test
    void socialAccountsAreListedConnectedAndDisconnected() {
        String access = register(uniqueEmail()).string("access");
        String subject = subject();
        Response connected = postJson("/dj-rest-auth/google/connect/", Map.of("id_token", idToken(subject, uniqueEmail(), true)),
                "Authorization", bearer(access));
        assertEquals(200, connected.status(), connected.body());
        assertEquals("google", connected.string("provider"));
        assertEquals(subject, connected.string("uid"));

        Response list = get("/dj-rest-auth/socialaccounts/", "Authorization", bearer(access));
        assertEquals(200, list.status(), list.body());
        assertEquals(1, list.list().size());
        Map<String, Object> account = list.list().getFirst();
        assertEquals(subject, account.get("uid"));
        assertTrue(account.containsKey("last_login") && account.containsKey("date_joined"), account.toString());

        // Another account cannot connect the same identity.
        String other = register(uniqueEmail()).string("access");
        assertDrf(postJson("/dj-rest-auth/google/connect/", Map.of("id_token", idToken(subject, uniqueEmail(), true)),
                "Authorization", bearer(other)), 400,
                Map.of("non_field_errors", List.of("The third-party account is already connected to a different account.")));
        assertEquals(401, postJson("/dj-rest-auth/google/connect/", Map.of("id_token", idToken(subject(), uniqueEmail(), true))).status());

        assertDrf(postJson("/dj-rest-auth/socialaccounts/" + account.get("id") + "/disconnect/", Map.of(), "Authorization", bearer(other)),
                404, Map.of("detail", "Not found."));
        Response gone = postJson("/dj-rest-auth/socialaccounts/" + account.get("id") + "/disconnect/", Map.of(), "Authorization", bearer(access));
        assertEquals(200, gone.status(), gone.body());
        assertNull(gone.map().get("id"), "Django clears a deleted row's primary key");
        assertEquals(subject, gone.string("uid"));
        assertEquals(0, get("/dj-rest-auth/socialaccounts/", "Authorization", bearer(access)).list().size());

        // An account made by social login keeps its only way in.
        String socialAccess = postJson("/dj-rest-auth/google/", Map.of("id_token", idToken(subject(), uniqueEmail(), true))).string("access");
        Object only = get("/dj-rest-auth/socialaccounts/", "Authorization", bearer(socialAccess)).list().getFirst().get("id");
        assertDrf(postJson("/dj-rest-auth/socialaccounts/" + only + "/disconnect/", Map.of(), "Authorization", bearer(socialAccess)), 400,
                Map.of("non_field_errors", List.of("Your account has no password set up.")));
    }
}
