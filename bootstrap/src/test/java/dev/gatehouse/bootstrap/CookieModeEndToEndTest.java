package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AUTH_COOKIE_MODE over real HTTP: the refresh token in an HttpOnly cookie, double-submit CSRF and Origin checks. */
@MicronautTest(transactional = false)
class CookieModeEndToEndTest extends HttpTest {
    static final String APP = "https://app.example.test";

    private final Mailbox mailbox = new Mailbox();

    @Override
    Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.HashMap<>(mailbox.smtpProperties());
        properties.putAll(Map.of("auth.cookie.mode", "true", "auth.cors-allowed-origins", APP,
                "auth.compat.dj-rest-auth.enabled", "true"));
        return properties;
    }

    @org.junit.jupiter.api.AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    @Test
    void verifyEmailAndResetConfirmationSetTheCookieToo() {
        String email = uniqueEmail();
        Response registered = register(email);
        assertEquals("", registered.string("refresh"), "registration logs in as well");
        Response verified = get("/api/auth/verify-email?token=" + mailbox.await(email, 1).token());
        assertEquals(200, verified.status(), verified.body());
        assertEquals("", verified.string("refresh"));
        Jar afterVerification = jar(verified);
        assertEquals(200, refreshWithCookie(afterVerification, "Origin", APP, "X-CSRF-Token", afterVerification.csrf()).status());

        assertEquals(202, postJson("/api/auth/password/reset", Map.of("email", email)).status());
        Response reset = postJson("/api/auth/password/reset/confirm", Map.of("token", mailbox.await(email, 2).token(),
                "new_password", "another correct horse battery"));
        assertEquals(200, reset.status(), reset.body());
        assertEquals("", reset.string("refresh"));
        Jar afterReset = jar(reset);
        assertEquals(200, refreshWithCookie(afterReset, "Origin", APP, "X-CSRF-Token", afterReset.csrf()).status());
    }

    /** The Set-Cookie header for {@code name}, or empty. */
    static Optional<String> setCookie(Response response, String name) {
        return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    static List<String> attributes(String setCookie) {
        return List.of(setCookie.toLowerCase(Locale.ROOT).split(";\\s*"));
    }

    /** What a browser holds after an answer that set both cookies. */
    record Jar(String refresh, String csrf) {
        String header() {
            return "gatehouse_refresh=" + refresh + "; csrf=" + csrf;
        }
    }

    Jar jar(Response response) {
        String refresh = setCookie(response, "gatehouse_refresh").orElseThrow(() -> new AssertionError(response.headers().map().toString()));
        String csrf = setCookie(response, "csrf").orElseThrow();
        return new Jar(value(refresh), value(csrf));
    }

    Response login(String email) {
        Response login = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD), "Origin", APP);
        assertEquals(200, login.status(), login.body());
        return login;
    }

    Response refreshWithCookie(Jar jar, String... extra) {
        String[] headers = new String[extra.length + 2];
        headers[0] = "Cookie";
        headers[1] = jar.header();
        System.arraycopy(extra, 0, headers, 2, extra.length);
        return post("/api/auth/refresh", "{}", headers);
    }

    @Test
    void loginPutsTheRefreshTokenInAnHttpOnlyCookieAndAnswersAnEmptyRefresh() {
        String email = uniqueEmail();
        register(email);
        Response login = login(email);
        assertEquals("", login.string("refresh"));
        assertTrue(login.string("access").length() > 100, "the access token stays in the body");
        List<String> refresh = attributes(setCookie(login, "gatehouse_refresh").orElseThrow());
        assertTrue(refresh.contains("httponly") && refresh.contains("secure") && refresh.contains("samesite=lax")
                && refresh.contains("path=/api/auth"), refresh.toString());
        assertTrue(refresh.stream().anyMatch(a -> a.startsWith("max-age=")), refresh.toString());
        String csrfCookie = setCookie(login, "csrf").orElseThrow();
        assertFalse(attributes(csrfCookie).contains("httponly"), "the page must read it: " + csrfCookie);
        assertTrue(attributes(csrfCookie).contains("path=/"));
        assertEquals(value(csrfCookie), login.headers().firstValue("x-csrf-token").orElseThrow(),
                "also in a header, for an app on another origin of the site");
        assertEquals(43, value(setCookie(login, "gatehouse_refresh").orElseThrow()).length());
    }

    @Test
    void refreshReadsTheCookieWithTheCsrfHeaderFromAnAllowedOrigin() {
        String email = uniqueEmail();
        register(email);
        Jar first = jar(login(email));
        Response refreshed = refreshWithCookie(first, "Origin", APP, "X-CSRF-Token", first.csrf());
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals("", refreshed.string("refresh"));
        Jar second = jar(refreshed);
        assertNotEquals(first.refresh(), second.refresh(), "rotated, into the cookie");
        assertEquals(first.csrf(), second.csrf(), "the CSRF value stays, so other tabs keep working");
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(refreshed.string("access"))).status());
        assertEquals("true", refreshed.headers().firstValue("access-control-allow-credentials").orElse(""));
        assertEquals(APP, refreshed.headers().firstValue("access-control-allow-origin").orElse(""));
    }

    @Test
    void aCookieAuthenticatedRequestWithoutTheCsrfProofIsRefused() {
        String email = uniqueEmail();
        register(email);
        Jar jar = jar(login(email));
        assertProblem(refreshWithCookie(jar, "Origin", APP), 403, "csrf_failed");
        assertProblem(refreshWithCookie(jar, "Origin", APP, "X-CSRF-Token", jar.csrf() + "x"), 403, "csrf_failed");
        assertProblem(refreshWithCookie(jar, "Origin", "https://evil.example", "X-CSRF-Token", jar.csrf()), 403, "csrf_failed");
        assertProblem(refreshWithCookie(jar, "X-CSRF-Token", jar.csrf()), 403, "csrf_failed");
        // A cross-site HTML form: refused for what it is, before its body is even read.
        Response form = send("POST", "/api/auth/logout", "refresh=", "application/x-www-form-urlencoded",
                "Cookie", jar.header(), "Origin", "https://evil.example");
        assertProblem(form, 403, "csrf_failed");
        // None of that spent or ended anything.
        assertEquals(200, refreshWithCookie(jar, "Origin", APP, "X-CSRF-Token", jar.csrf()).status());
    }

    @Test
    void theBodyWinsOverTheCookie() {
        String email = uniqueEmail();
        register(email);
        Jar cookie = jar(login(email));
        Jar other = jar(login(email));
        Response byBody = post("/api/auth/refresh", "{\"refresh\":\"" + other.refresh() + "\"}",
                "Cookie", cookie.header(), "Origin", APP, "X-CSRF-Token", cookie.csrf());
        assertEquals(200, byBody.status(), byBody.body());
        // The body's token was the one spent (a repeat inside the grace window gets its successor), and the
        // cookie's is untouched: it still rotates.
        Response repeat = post("/api/auth/refresh", "{\"refresh\":\"" + other.refresh() + "\"}");
        assertEquals(jar(byBody).refresh(), jar(repeat).refresh());
        assertEquals(200, refreshWithCookie(cookie, "Origin", APP, "X-CSRF-Token", cookie.csrf()).status());
    }

    @Test
    void logoutReadsTheCookieAndClearsBoth() {
        String email = uniqueEmail();
        register(email);
        Jar jar = jar(login(email));
        Response logout = post("/api/auth/logout", "{}", "Cookie", jar.header(), "Origin", APP, "X-CSRF-Token", jar.csrf());
        assertEquals(200, logout.status(), logout.body());
        assertTrue(attributes(setCookie(logout, "gatehouse_refresh").orElseThrow()).contains("max-age=0"));
        assertTrue(attributes(setCookie(logout, "csrf").orElseThrow()).contains("max-age=0"));
        assertProblem(post("/api/auth/refresh", "{\"refresh\":\"" + jar.refresh() + "\"}"), 401, "token_not_valid");
        assertProblem(post("/api/auth/refresh", "{}"), 400, "validation_failed");
    }

    @Test
    void theDjRestAuthDialectUsesItsOwnCookiePathAndDrfErrors() {
        String email = uniqueEmail();
        register(email);
        Response login = postJson("/dj-rest-auth/login/", Map.of("email", email, "password", PASSWORD));
        assertEquals(200, login.status(), login.body());
        assertEquals("", login.string("refresh"), "JWT_AUTH_HTTPONLY: " + login.body());
        assertTrue(attributes(setCookie(login, "gatehouse_refresh").orElseThrow()).contains("path=/dj-rest-auth"));
        Jar jar = jar(login);
        Response refused = post("/dj-rest-auth/token/refresh/", "{}", "Cookie", jar.header(), "Origin", APP);
        assertEquals(403, refused.status());
        assertTrue(refused.string("detail").startsWith("CSRF Failed: "), refused.body());
        Response refreshed = post("/dj-rest-auth/token/refresh/", "{}", "Cookie", jar.header(), "Origin", APP,
                "X-CSRF-Token", jar.csrf());
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals("", refreshed.string("refresh"));
        Jar next = jar(refreshed);
        Response logout = post("/dj-rest-auth/logout/", "{}", "Cookie", next.header(), "Origin", APP, "X-CSRF-Token", next.csrf());
        assertEquals(200, logout.status(), logout.body());
        assertTrue(attributes(setCookie(logout, "gatehouse_refresh").orElseThrow()).contains("max-age=0"));
    }

    @Test
    void corsAllowsCredentialsAndTheCsrfHeaderOnlyForAllowedOrigins() {
        Response allowed = send("OPTIONS", "/api/auth/refresh", null, null, "Origin", APP,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type, x-csrf-token");
        assertEquals("true", allowed.headers().firstValue("access-control-allow-credentials").orElse(""));
        assertTrue(allowed.headers().firstValue("access-control-allow-headers").orElse("").contains("X-CSRF-Token"));
        Response other = send("OPTIONS", "/api/auth/refresh", null, null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertTrue(other.headers().firstValue("access-control-allow-credentials").isEmpty());
        assertTrue(other.headers().firstValue("access-control-allow-origin").isEmpty());
    }

    @Test
    void theOAuthTokenEndpointKeepsTheRefreshTokenInItsAnswer() {
        String email = uniqueEmail();
        register(email);
        Response token = send("POST", "/oauth/token", "grant_type=password&client_id=gatehouse-web&username="
                + email + "&password=" + PASSWORD.replace(" ", "+"), "application/x-www-form-urlencoded");
        assertEquals(200, token.status(), token.body());
        assertTrue(token.string("refresh_token").length() >= 43);
        assertTrue(setCookie(token, "gatehouse_refresh").isEmpty());
    }

    @Test
    void withoutIntrospectionCredentialsIntrospectionIsOffAndNotAdvertised() {
        assertFalse(get("/.well-known/oauth-authorization-server").map().containsKey("introspection_endpoint"));
        Response refused = send("POST", "/oauth/introspect", "token=x", "application/x-www-form-urlencoded",
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("any:any-secret-0123456789".getBytes()));
        assertEquals(401, refused.status());
        assertEquals("invalid_client", refused.string("error"));
    }
}
