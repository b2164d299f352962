package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.adapter.out.crypto.SoftwareAuthenticator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ceremony begun on one instance finishes on another: the challenges are in PostgreSQL, not in memory. */
class PasskeyAcrossInstancesTest {
    private static final String ORIGIN = "https://app.example.test";
    // One issuer for both, as behind a load balancer: a token from one instance is good at the other.
    private static final Map<String, String> RELYING_PARTY = Map.of("auth.webauthn.rp-id", "example.test",
            "auth.webauthn.origins", ORIGIN, "auth.issuer", "https://auth.example.test");

    @SuppressWarnings("unchecked")
    @Test
    void registrationAndSignInEachSpanTwoInstances() {
        try (StandaloneServer a = new StandaloneServer(RELYING_PARTY); StandaloneServer b = new StandaloneServer(RELYING_PARTY)) {
            HttpTest.Response registered = a.send("POST", "/api/auth/register",
                    "{\"email\":\"" + HttpTest.uniqueEmail() + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}");
            String bearer = HttpTest.bearer(registered.string("access"));
            SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "example.test");
            HttpTest.Response options = a.send("POST", "/api/auth/passkeys/register/options", null, "Authorization", bearer);
            Map<String, Object> user = (Map<String, Object>) options.map().get("user");
            String credential = authenticator.register(Base64.getUrlDecoder().decode(options.string("challenge")),
                    Base64.getUrlDecoder().decode((String) user.get("id")));
            HttpTest.Response created = b.send("POST", "/api/auth/passkeys/register", "{\"credential\":" + credential + "}",
                    "Authorization", bearer);
            assertEquals(201, created.status(), created.body());

            HttpTest.Response login = b.send("POST", "/api/auth/passkeys/login/options", "{}");
            String assertion = authenticator.assertion(Base64.getUrlDecoder().decode(login.string("challenge")));
            HttpTest.Response signedIn = a.send("POST", "/api/auth/passkeys/login", "{\"credential\":" + assertion + "}");
            assertEquals(200, signedIn.status(), signedIn.body());
            // And the replay on the other instance finds the challenge spent.
            assertEquals(401, b.send("POST", "/api/auth/passkeys/login", "{\"credential\":" + assertion + "}").status());
        }
    }
}
