package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.service.Totp;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin console's pages and forms over HTTP, on the real service and database (the browser test is e2e/). */
@MicronautTest(transactional = false)
class AdminConsoleEndToEndTest extends HttpTest {
    /** The movable clock: an authenticator-app code per 30-second step without waiting for the next one. */
    @Override
    Map<String, String> extraProperties() {
        return Map.of("gatehouse.test.movable-clock", "true");
    }

    private String newAdmin() {
        String email = "admin-" + uniqueEmail();
        createAdmin.createAdmin(EmailAddress.of(email), PlainPassword.of(PASSWORD));
        return email;
    }

    private ConsoleBrowser signedIn() {
        ConsoleBrowser browser = new ConsoleBrowser(server.getPort());
        ConsoleBrowser.Page in = browser.signIn(newAdmin(), PASSWORD);
        assertEquals(303, in.status(), in.body());
        assertEquals("/admin/", in.location());
        return browser;
    }

    private static String userId(Response registered) {
        return (String) ((Map<?, ?>) registered.map().get("user")).get("id");
    }

    private int keyCount(String admin) {
        return get("/api/admin/keys", "Authorization", admin).list().size();
    }

    @Test
    void onlyAdministratorsSignIn() {
        String viewer = uniqueEmail();
        register(viewer);
        ConsoleBrowser browser = new ConsoleBrowser(server.getPort());
        ConsoleBrowser.Page refused = browser.signIn(viewer, PASSWORD);
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("The console is for administrators only."), refused.body());
        assertFalse(browser.cookies.containsKey("gatehouse_console"), "no console session for a viewer");
        assertEquals(303, browser.get("/admin/users").status());

        ConsoleBrowser.Page wrong = browser.signIn(newAdmin(), "not the password");
        assertEquals(401, wrong.status());
        assertTrue(wrong.body().contains("Wrong email address, username or password."));
        assertEquals("/admin/login", browser.get("/admin/").location());
    }

    @Test
    void anAdministratorWithAnAuthenticatorAppGivesTheCodeAfterThePassword() {
        MovableClock clock = MovableClock.SHARED;
        String admin = newAdmin();
        String access = postJson("/api/auth/login", Map.of("email", admin, "password", PASSWORD)).string("access");
        byte[] secret = MfaEndToEndTest.base32(post("/api/auth/mfa/totp/setup", null, "Authorization", bearer(access)).string("secret"));
        Response confirmed = postJson("/api/auth/mfa/totp/confirm",
                Map.of("code", Totp.code(secret, Totp.step(clock.instant()), 6)), "Authorization", bearer(access));
        assertEquals(200, confirmed.status(), confirmed.body());
        clock.advance(java.time.Duration.ofSeconds(30));

        ConsoleBrowser browser = new ConsoleBrowser(server.getPort());
        ConsoleBrowser.Page codePage = browser.signIn(admin, PASSWORD);
        assertEquals(200, codePage.status(), codePage.body());
        assertTrue(codePage.body().contains("Code from your authenticator app"), codePage.body());
        assertFalse(browser.cookies.containsKey("gatehouse_console"), "no console session before the second factor");
        assertFalse(codePage.body().contains(browser.cookies.get("gatehouse_console_mfa")), "the mfa_token is never in the page");
        assertEquals("/admin/login", browser.get("/admin/").location());

        String right = Totp.code(secret, Totp.step(clock.instant()), 6);
        ConsoleBrowser.Page wrong = browser.post("/admin/login/code", "code", right.equals("000000") ? "111111" : "000000");
        assertEquals(401, wrong.status());
        assertTrue(wrong.body().contains("Wrong code."), wrong.body());

        ConsoleBrowser.Page in = browser.post("/admin/login/code", "code", right);
        assertEquals(303, in.status(), in.body());
        assertEquals("/admin/", in.location());
        assertEquals(200, browser.get("/admin/").status());
        // The same code a second time is refused, as everywhere (a fresh login, the code already used).
        ConsoleBrowser other = new ConsoleBrowser(server.getPort());
        other.signIn(admin, PASSWORD);
        assertEquals(401, other.post("/admin/login/code", "code", right).status());
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndOpaque() {
        ConsoleBrowser browser = new ConsoleBrowser(server.getPort());
        ConsoleBrowser.Page in = browser.signIn(newAdmin(), PASSWORD);
        String cookie = in.setCookies().stream().filter(c -> c.startsWith("gatehouse_console=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/admin"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http on localhost: " + cookie);
        assertFalse(browser.cookies.get("gatehouse_console").contains("."), "not a JWT: an opaque value");

        ConsoleBrowser.Page dashboard = browser.get("/admin/");
        assertEquals(200, dashboard.status());
        String csp = dashboard.headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'none'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("no-store", dashboard.headers().firstValue("cache-control").orElseThrow());
        assertFalse(dashboard.body().contains("<script"), "no script");
        assertFalse(dashboard.body().contains("style="), "no inline style");
    }

    @Test
    void aPostNeedsTheCsrfTokenAndThisOrigin() {
        String admin = bearer(adminToken());
        ConsoleBrowser browser = signedIn();
        browser.get("/admin/keys");
        int keys = keyCount(admin);

        assertEquals(403, browser.post("/admin/keys/rotate", "csrf", "forged").status());
        browser.get("/admin/keys");
        browser.origin = "https://evil.example";
        assertEquals(403, browser.post("/admin/keys/rotate").status());
        assertEquals(keys, keyCount(admin), "nothing rotated");

        browser.origin = "http://localhost:" + server.getPort();
        browser.get("/admin/keys");
        ConsoleBrowser.Page rotated = browser.post("/admin/keys/rotate");
        assertEquals(303, rotated.status(), rotated.body());
        assertEquals(keys + 1, keyCount(admin));
        ConsoleBrowser.Page page = browser.get(rotated.location());
        assertTrue(page.body().contains("A new signing key signs from now on"), page.body());
        assertTrue(page.body().contains(">active<"));
    }

    @Test
    void signingOutEndsTheGatehouseSession() {
        ConsoleBrowser browser = signedIn();
        String refresh = browser.cookies.get("gatehouse_console");
        browser.get("/admin/");
        ConsoleBrowser.Page out = browser.post("/admin/logout");
        assertEquals(303, out.status());
        assertEquals("/admin/login?reason=out", out.location());
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", refresh)), 401, "token_not_valid");
        browser.cookies.put("gatehouse_console", refresh);
        assertEquals("/admin/login", browser.get("/admin/").location());
    }

    @Test
    void userSearchEscapesWhatItShows() {
        ConsoleBrowser browser = signedIn();
        String email = uniqueEmail();
        register(email);
        ConsoleBrowser.Page found = browser.get("/admin/users?q=" + email.substring(0, 17));
        assertEquals(200, found.status());
        assertTrue(found.body().contains(email), found.body());
        ConsoleBrowser.Page hostile = browser.get("/admin/users?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22");
        assertEquals(200, hostile.status());
        assertTrue(hostile.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;"), hostile.body());
        assertFalse(hostile.body().contains("<script>"));
        assertEquals(400, browser.get("/admin/users?page=0").status());
        assertEquals(404, browser.get("/admin/users/not-an-id").status());
    }

    @Test
    void settingsFormGivesTheApisFieldErrorsAndRefusesAStaleForm() {
        String admin = bearer(adminToken());
        Response api = send("PATCH", "/api/admin/settings", "{\"access_token_ttl\":\"PT1S\"}", "application/json", "Authorization", admin);
        String apiMessage = api.errors().get("access_token_ttl").getFirst();

        ConsoleBrowser browser = signedIn();
        ConsoleBrowser.Page form = browser.get("/admin/settings");
        assertEquals(200, form.status());
        String version = form.body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        Map<String, String> values = Map.of("access_token_ttl", "PT1S", "refresh_token_ttl", "PT720H", "refresh_reuse_grace", "PT10S",
                "verification_mode", "optional", "password_min_length", "8");
        ConsoleBrowser.Page bad = browser.post("/admin/settings", fields(values, version, null));
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("id=\"access_token_ttl-error\">" + apiMessage.replace("'", "&#39;")), bad.body());
        assertTrue(bad.body().contains("value=\"PT1S\""), "the form keeps what was typed");
        ConsoleBrowser.Page notANumber = browser.post("/admin/settings", fields(Map.of("access_token_ttl", "PT5M",
                "refresh_token_ttl", "PT720H", "refresh_reuse_grace", "PT10S", "verification_mode", "optional",
                "password_min_length", "8"), version, "x"));
        assertEquals(400, notANumber.status());
        assertTrue(notANumber.body().contains("id=\"rate_limits-registrations_per_client_per_hour-error\">A valid integer is required."),
                "the API's words for a limit that is no number: " + notANumber.body());
        tune(t -> TEST_DEFAULTS);

        form = browser.get("/admin/settings");
        version = form.body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        ConsoleBrowser.Page saved = browser.post("/admin/settings", fields(Map.of("access_token_ttl", "PT3M", "refresh_token_ttl", "PT720H",
                "refresh_reuse_grace", "PT10S", "verification_mode", "optional", "password_min_length", "8"), version, null));
        try {
            assertEquals(303, saved.status(), saved.body());
            assertEquals("PT3M", get("/api/admin/settings", "Authorization", admin).string("access_token_ttl"));
            String someone = uniqueEmail();
            register(someone);
            Response login = postJson("/api/auth/login", Map.of("email", someone, "password", PASSWORD));
            assertEquals(180, lifetime(login.string("access")), "new tokens honour the new lifetime");

            // The same (now stale) version again: somebody else's change is never overwritten.
            ConsoleBrowser.Page stale = browser.post("/admin/settings", fields(Map.of("access_token_ttl", "PT4M",
                    "refresh_token_ttl", "PT720H", "refresh_reuse_grace", "PT10S", "verification_mode", "optional",
                    "password_min_length", "8"), version, null));
            assertEquals(409, stale.status());
            assertTrue(stale.body().contains("changed by someone else"), stale.body());
            assertTrue(stale.body().contains("value=\"PT3M\""), "the form shows the current values");
        } finally {
            tune(t -> TEST_DEFAULTS);
        }
    }

    private static long lifetime(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        long exp = Long.parseLong(payload.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        long iat = Long.parseLong(payload.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        return exp - iat;
    }

    /** The whole settings form: {@code values} for the general settings, current-looking rate limits. */
    private static String[] fields(Map<String, String> values, String version, String badLimit) {
        List<String> f = new java.util.ArrayList<>();
        values.forEach((k, v) -> {
            f.add(k);
            f.add(v);
        });
        Map<String, String> limits = Map.of("login_max_failures", "5", "lockout", "PT15M", "login_per_address_per_minute", "100000",
                "mail_per_address_per_hour", "1000", "mail_per_client_per_hour", "100000", "token_guesses_per_client_per_hour", "100000",
                "registrations_per_client_per_hour", badLimit == null ? "100000" : badLimit);
        limits.forEach((k, v) -> {
            f.add("rate_limits." + k);
            f.add(v);
        });
        f.add("version");
        f.add(version);
        return f.toArray(String[]::new);
    }

    @Test
    void userPageActionsAreTheAdminsAndAudited() {
        String admin = bearer(adminToken());
        String email = uniqueEmail();
        Response registered = register(email);
        String id = userId(registered);
        postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        String consoleAdmin = newAdmin();
        ConsoleBrowser browser = new ConsoleBrowser(server.getPort());
        assertEquals(303, browser.signIn(consoleAdmin, PASSWORD).status());
        Response found = get("/api/admin/users?query=" + consoleAdmin, "Authorization", admin);
        String adminId = (String) ((Map<?, ?>) ((List<?>) found.map().get("items")).getFirst()).get("id");

        ConsoleBrowser.Page page = browser.get("/admin/users/" + id);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Sessions (2)"), page.body());
        String session = page.body().replaceAll("(?s).*/sessions/([0-9a-f-]{36})/revoke.*", "$1");
        ConsoleBrowser.Page ended = browser.post("/admin/users/" + id + "/sessions/" + session + "/revoke");
        assertEquals(303, ended.status(), ended.body());
        assertEquals(1, get("/api/admin/users/" + id + "/sessions", "Authorization", admin).list().size());

        browser.get("/admin/users/" + id);
        assertEquals(303, browser.post("/admin/users/" + id + "/password-reset").status());
        List<?> mails = (List<?>) get("/api/admin/outbox?size=100", "Authorization", admin).map().get("items");
        assertTrue(mails.stream().map(m -> (Map<?, ?>) m)
                .anyMatch(m -> email.equals(m.get("recipient")) && "password_reset".equals(m.get("template"))), mails.toString());

        assertEquals(303, browser.post("/admin/users/" + id + "/active", "active", "false").status());
        assertProblem(postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)), 403, "account_disabled");
        Response events = get("/api/admin/audit?user=" + id + "&type=admin_user_updated", "Authorization", admin);
        Map<?, ?> event = (Map<?, ?>) ((List<?>) events.map().get("items")).getFirst();
        assertEquals(adminId, event.get("actor"), "the console's administrator is the actor");
        assertEquals("is_active=false", event.get("detail"));

        assertEquals(400, browser.post("/admin/users/" + id + "/delete").status(), "the box must be ticked");
        browser.get("/admin/users/" + id);
        assertEquals(303, browser.post("/admin/users/" + id + "/delete", "confirm", "yes").status());
        assertProblem(get("/api/admin/users/" + id, "Authorization", admin), 404, "not_found");
    }

    @Test
    void auditAndOutboxPagesFilterAndReportBadFilters() {
        ConsoleBrowser browser = signedIn();
        ConsoleBrowser.Page audit = browser.get("/admin/audit?type=admin_created");
        assertEquals(200, audit.status());
        assertTrue(audit.body().contains("<td>admin_created</td>"), audit.body());
        ConsoleBrowser.Page bad = browser.get("/admin/audit?type=nonsense&user=x");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("Unknown event type.") && bad.body().contains("Not a valid user id."), bad.body());
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        assertTrue(browser.get("/admin/audit?type=admin_created&from=" + tomorrow).body().contains("No event matches."));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertTrue(browser.get("/admin/audit?type=admin_created&from=" + today + "&to=" + today).body().contains("<td>admin_created</td>"));
        assertEquals(400, browser.get("/admin/audit?from=soon").status());
        assertEquals(200, browser.get("/admin/users?sort=email").status());
        assertEquals(200, browser.get("/admin/outbox?state=dead").status());
        assertEquals(400, browser.get("/admin/outbox?state=lost").status());
    }
}
