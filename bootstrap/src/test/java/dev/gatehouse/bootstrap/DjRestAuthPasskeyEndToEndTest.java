package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.adapter.out.crypto.SoftwareAuthenticator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dj-rest-auth's passkey views (register/begin|complete, login/begin|complete, passkeys/{pk}/) over the same use cases. */
@MicronautTest(transactional = false)
class DjRestAuthPasskeyEndToEndTest extends HttpTest {
    static final String ORIGIN = "http://localhost:5173";

    @Override
    Map<String, String> extraProperties() {
        return Map.of("auth.compat.dj-rest-auth.enabled", "true", "auth.webauthn.rp-id", "localhost",
                "auth.webauthn.origins", ORIGIN);
    }

    static byte[] decode(String b64url) {
        return Base64.getUrlDecoder().decode(b64url);
    }

    @Test
    void registerSignInListRenameAndDeleteTheDjRestAuthWay() {
        String email = uniqueEmail();
        String access = register(email).string("access");
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");

        Response begin = post("/dj-rest-auth/passkeys/register/begin/", "{}", "Authorization", bearer(access));
        assertEquals(200, begin.status(), begin.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) begin.map().get("user");
        String credential = authenticator.register(decode(begin.string("challenge")), decode((String) user.get("id")));
        Response complete = post("/dj-rest-auth/passkeys/register/complete/", "{\"credential\":" + credential + ",\"name\":\"Laptop\"}",
                "Authorization", bearer(access));
        assertEquals(201, complete.status(), complete.body());
        assertEquals("Laptop", complete.string("name"));
        assertEquals(authenticator.credentialIdText(), complete.string("credential_id"));
        assertEquals(true, complete.map().get("discoverable"));
        assertEquals(List.of("internal"), complete.map().get("transports"));
        String pk = complete.string("id");

        Response loginBegin = post("/dj-rest-auth/passkeys/login/begin/", "{\"email\":\"" + email + "\"}");
        assertEquals(200, loginBegin.status(), loginBegin.body());
        String sessionId = loginBegin.string("session_id");
        assertEquals(loginBegin.string("challenge"), sessionId);
        String assertion = authenticator.assertion(decode(loginBegin.string("challenge")));
        Response loggedIn = post("/dj-rest-auth/passkeys/login/complete/", "{\"credential\":" + assertion + ",\"session_id\":\"" + sessionId + "\"}");
        assertEquals(200, loggedIn.status(), loggedIn.body());
        assertTrue(loggedIn.string("access").split("\\.").length == 3);
        assertTrue(loggedIn.map().get("user") instanceof Map<?, ?>);
        assertTrue(loggedIn.map().containsKey("access_expiration"));

        // The replay: DRF's form-level error.
        Response replay = post("/dj-rest-auth/passkeys/login/complete/", "{\"credential\":" + assertion + ",\"session_id\":\"" + sessionId + "\"}");
        assertEquals(400, replay.status(), replay.body());
        assertEquals(Map.of("non_field_errors", List.of("Authentication verification failed.")), replay.map());

        Response missing = post("/dj-rest-auth/passkeys/login/complete/", "{}");
        assertEquals(400, missing.status());
        assertEquals(List.of("This field is required."), missing.map().get("credential"));
        assertEquals(List.of("This field is required."), missing.map().get("session_id"));

        // session_id naming another ceremony than the one the credential answers.
        Response other = post("/dj-rest-auth/passkeys/login/begin/", "{}");
        String elsewhere = authenticator.assertion(decode(loginBegin.string("challenge")));
        Response mismatch = post("/dj-rest-auth/passkeys/login/complete/", "{\"credential\":" + elsewhere + ",\"session_id\":\"" + other.string("session_id") + "\"}");
        assertEquals(400, mismatch.status(), mismatch.body());

        Response list = get("/dj-rest-auth/passkeys/", "Authorization", bearer(access));
        assertEquals(200, list.status(), list.body());
        assertEquals(pk, list.list().getFirst().get("id"));
        assertTrue(list.list().getFirst().get("last_used_at") instanceof String);
        assertEquals(200, get("/dj-rest-auth/passkeys/" + pk + "/", "Authorization", bearer(access)).status());

        Response renamed = send("PATCH", "/dj-rest-auth/passkeys/" + pk + "/", "{\"name\":\"Work\"}", "application/json",
                "Authorization", bearer(access));
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals(Map.of("name", "Work"), renamed.map());

        Response unauthenticated = get("/dj-rest-auth/passkeys/");
        assertEquals(401, unauthenticated.status());
        assertEquals("Authentication credentials were not provided.", unauthenticated.string("detail"));

        assertEquals(204, send("DELETE", "/dj-rest-auth/passkeys/" + pk + "/", null, null, "Authorization", bearer(access)).status());
        Response gone = get("/dj-rest-auth/passkeys/" + pk + "/", "Authorization", bearer(access));
        assertEquals(404, gone.status());
        assertEquals(Map.of("detail", "Not found."), gone.map());
    }

    @Test
    void aRegistrationThatDoesNotVerifyIsAFormError() {
        String access = register(uniqueEmail()).string("access");
        Response begin = post("/dj-rest-auth/passkeys/register/begin/", "{}", "Authorization", bearer(access));
        SoftwareAuthenticator phished = new SoftwareAuthenticator("http://localhost:6666", "localhost");
        String credential = phished.register(decode(begin.string("challenge")), new byte[16]);
        Response refused = post("/dj-rest-auth/passkeys/register/complete/", "{\"credential\":" + credential + "}", "Authorization", bearer(access));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.map().containsKey("non_field_errors"), refused.body());
    }
}
