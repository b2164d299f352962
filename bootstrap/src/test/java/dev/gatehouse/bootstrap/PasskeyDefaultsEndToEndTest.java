package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.adapter.out.crypto.SoftwareAuthenticator;
import dev.gatehouse.application.settings.WebAuthnSettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no AUTH_WEBAUTHN_* set, passkeys work on the issuer's own origin (http://localhost:<port>), and the demo page is off. */
@MicronautTest(transactional = false)
class PasskeyDefaultsEndToEndTest extends HttpTest {
    @Inject
    WebAuthnSettings relyingParty;

    @Test
    void theRelyingPartyIsTheIssuersHostAndOrigin() {
        String origin = "http://localhost:" + server.getPort();
        assertEquals("localhost", relyingParty.rpId());
        assertEquals(List.of(origin), relyingParty.origins());
        assertEquals("Gatehouse", relyingParty.rpName());

        String access = register(uniqueEmail()).string("access");
        Response options = post("/api/auth/passkeys/register/options", null, "Authorization", bearer(access));
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) options.map().get("user");
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(origin, "localhost");
        String credential = authenticator.register(Base64.getUrlDecoder().decode(options.string("challenge")),
                Base64.getUrlDecoder().decode((String) user.get("id")));
        assertEquals(201, post("/api/auth/passkeys/register", "{\"credential\":" + credential + "}", "Authorization", bearer(access)).status());
    }

    @Test
    void theDemoPageIsOffByDefault() {
        assertEquals(404, get("/passkeys-demo").status());
        assertTrue(get("/passkeys-demo/app.js").status() == 404);
    }
}
