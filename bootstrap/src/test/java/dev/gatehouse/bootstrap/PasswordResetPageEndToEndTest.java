package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The default reset link, as mailed, opens a page that sets the password without any frontend. */
@MicronautTest(transactional = false)
class PasswordResetPageEndToEndTest extends HttpTest {
    private static final Pattern DEFAULT_LINK = Pattern.compile("http://localhost:(\\d+)(/api/auth/password/reset/confirm\\?token=[A-Za-z0-9_-]+)");
    private final Mailbox mailbox = new Mailbox();

    @Override
    Map<String, String> extraProperties() {
        return mailbox.smtpProperties(); // no AUTH_LINK_BASE_URL: the issuer's /api/auth, as shipped
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    @Test
    void theMailedLinkShowsAFormThatSetsThePassword() {
        String email = uniqueEmail();
        register(email);
        mailbox.await(email, 1); // the verification mail first: the outbox gives no order between two pending mails
        postJson("/api/auth/password/reset", Map.of("email", email));
        Mailbox.Mail mail = mailbox.await(email, 2);
        Matcher link = DEFAULT_LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        assertEquals(Integer.toString(server.getPort()), link.group(1), "the default issuer names the port this instance listens on");

        Response page = get(link.group(2));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("<form method=\"post\">"), page.body());
        assertTrue(page.body().contains("name=\"token\" value=\"" + mail.token() + "\""), "the token rides in the form");
        assertFalse(page.body().contains("<script"), "no script at all");
        String csp = page.headers().firstValue("content-security-policy").orElse("");
        assertTrue(csp.startsWith("default-src 'none'; style-src 'sha256-"), csp);
        assertTrue(csp.contains("form-action 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("script-src"), csp);
        assertEquals("no-store", page.headers().firstValue("cache-control").orElse(""));

        Response weak = submit(mail.token(), "password123", "password123");
        assertEquals(400, weak.status());
        assertTrue(weak.body().contains("class=\"error\"") && weak.body().contains("<form"), "the form again, with the reason: " + weak.body());
        Response mismatch = submit(mail.token(), "a brand new passphrase", "another brand new passphrase");
        assertEquals(400, mismatch.status());
        assertTrue(mismatch.body().contains("class=\"error\""), mismatch.body());

        Response done = submit(mail.token(), "a brand new passphrase", "a brand new passphrase");
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("Your password has been changed"), done.body());
        assertFalse(done.body().contains(mail.token()), "no token on the answer page");

        assertProblem(postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)), 401, "invalid_credentials");
        Response login = postJson("/api/auth/login", Map.of("email", email, "password", "a brand new passphrase"));
        assertEquals(200, login.status(), login.body());
        List<Map<String, Object>> sessions = get("/api/auth/sessions", "Authorization", bearer(login.string("access"))).list();
        assertEquals(1, sessions.size(), "the page leaves no session of its own behind: " + sessions);

        Response again = submit(mail.token(), "yet another passphrase", "yet another passphrase");
        assertEquals(401, again.status());
        assertTrue(again.body().contains("not valid any more"), again.body());
    }

    @Test
    void aBrokenLinkSaysSoAndNothingIsReflectedUnescaped() {
        Response missing = get("/api/auth/password/reset/confirm");
        assertEquals(400, missing.status());
        assertTrue(missing.body().contains("incomplete"), missing.body());

        Response hostile = get("/api/auth/password/reset/confirm?token=" + URLEncoder.encode("\"><script>x()</script>", StandardCharsets.UTF_8));
        assertEquals(200, hostile.status());
        assertFalse(hostile.body().contains("<script"), hostile.body());
        assertTrue(hostile.body().contains("&quot;&gt;&lt;script&gt;"), hostile.body());

        Response unknown = submit("an-unknown-token-of-some-length-000000000000", "a brand new passphrase", "a brand new passphrase");
        assertEquals(401, unknown.status());
        assertTrue(unknown.body().contains("not valid any more"), unknown.body());
    }

    @Test
    void theApiRouteStillSpeaksJson() {
        assertProblem(postJson("/api/auth/password/reset/confirm", Map.of("token", "unknown", "new_password", "a brand new passphrase")),
                401, "token_not_valid");
    }

    private Response submit(String token, String password, String confirm) {
        String form = "token=" + enc(token) + "&new_password=" + enc(password) + "&confirm_password=" + enc(confirm);
        return send("POST", "/api/auth/password/reset/confirm", form, "application/x-www-form-urlencoded");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
