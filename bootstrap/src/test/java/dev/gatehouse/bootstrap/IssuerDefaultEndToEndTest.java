package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without AUTH_ISSUER the issuer follows the port the server listens on; with it, AUTH_ISSUER wins. */
class IssuerDefaultEndToEndTest {

    @Test
    void withoutAnIssuerTheTokensDiscoveryAndMailedLinksNameTheRealPort() {
        try (Mailbox mailbox = new Mailbox(); StandaloneServer gatehouse = new StandaloneServer(mailbox.smtpProperties())) {
            String issuer = "http://localhost:" + gatehouse.port();
            assertTrue(gatehouse.port() != 8080, "a random port, not the default");

            String email = HttpTest.uniqueEmail();
            HttpTest.Response registered = gatehouse.send("POST", "/api/auth/register",
                    "{\"email\":\"" + email + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}");
            assertEquals(201, registered.status(), registered.body());
            assertTrue(claims(registered.string("access")).contains("\"iss\":\"" + issuer + "\""),
                    "iss names the real port: " + claims(registered.string("access")));

            HttpTest.Response discovery = gatehouse.send("GET", "/.well-known/openid-configuration", null);
            assertEquals(issuer, discovery.string("issuer"));
            assertEquals(issuer + "/.well-known/jwks.json", discovery.string("jwks_uri"));

            Mailbox.Mail mail = mailbox.await(email, 1);
            assertTrue(mail.text().contains(issuer + "/api/auth/verify-email?token=" + mail.token()),
                    "the mailed link points at this instance: " + mail.text());
        }
    }

    @Test
    void aConfiguredIssuerWins() {
        Map<String, String> properties = new HashMap<>();
        properties.put("auth.issuer", "https://auth.example.test/");
        try (StandaloneServer gatehouse = new StandaloneServer(properties)) {
            HttpTest.Response discovery = gatehouse.send("GET", "/.well-known/openid-configuration", null);
            assertEquals("https://auth.example.test", discovery.string("issuer"), "trailing slash removed");
            HttpTest.Response registered = gatehouse.send("POST", "/api/auth/register",
                    "{\"email\":\"" + HttpTest.uniqueEmail() + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}");
            assertEquals(201, registered.status(), registered.body());
            assertTrue(claims(registered.string("access")).contains("\"iss\":\"https://auth.example.test\""));
        }
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
