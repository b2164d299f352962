package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The headers every response carries (content-type sniffing, framing, referrer, CSP, HSTS, caching)
 * and cross-origin access for the configured frontends only.
 */
@MicronautTest(transactional = false)
class SecurityHeadersEndToEndTest extends HttpTest {
    private static final String APP = "https://app.example.test";
    private static final String ADMIN_APP = "https://admin.example.test";
    private static final String EVIL = "https://evil.example";

    @Override
    Map<String, String> extraProperties() {
        return Map.of("auth.cors-allowed-origins", APP + ", " + ADMIN_APP, "auth.hsts-max-age", "365d");
    }

    /** One response of each kind: a refusal, an authenticated call, health, the JWKS, a 404 and the docs. */
    private Map<String, Response> responses() {
        String access = register(uniqueEmail()).string("access");
        Map<String, Response> responses = new LinkedHashMap<>();
        responses.put("/api/auth/login", postJson("/api/auth/login", Map.of("email", uniqueEmail(), "password", "not the password")));
        responses.put("/api/auth/me", get("/api/auth/me", "Authorization", bearer(access)));
        responses.put("/health", get("/health"));
        responses.put("/.well-known/jwks.json", get("/.well-known/jwks.json"));
        responses.put("/no/such/path", get("/no/such/path"));
        responses.put("/api-doc/", get("/api-doc/"));
        assertEquals(401, responses.get("/api/auth/login").status(), responses.get("/api/auth/login").body());
        assertEquals(200, responses.get("/api/auth/me").status(), responses.get("/api/auth/me").body());
        assertEquals(200, responses.get("/health").status());
        assertEquals(200, responses.get("/.well-known/jwks.json").status());
        assertEquals(404, responses.get("/no/such/path").status());
        assertEquals(200, responses.get("/api-doc/").status());
        return responses;
    }

    private static Optional<String> header(Response response, String name) {
        return response.headers().firstValue(name);
    }

    private static List<String> directives(String csp) {
        return Arrays.stream(csp.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void everyResponseCarriesTheBrowserHardeningHeaders() {
        responses().forEach((path, response) -> {
            assertEquals(Optional.of("nosniff"), header(response, "X-Content-Type-Options"), path);
            assertEquals(Optional.of("DENY"), header(response, "X-Frame-Options"), path);
            assertEquals(Optional.of("no-referrer"), header(response, "Referrer-Policy"), path);
            assertEquals(1, response.headers().allValues("Content-Security-Policy").size(), path + ": one policy");
            String hsts = header(response, "Strict-Transport-Security").orElse("");
            assertTrue(hsts.startsWith("max-age=31536000"), path + ": 365d is a year of seconds: " + hsts);
            assertTrue(hsts.contains("includeSubDomains"), path + ": " + hsts);
        });
    }

    @Test
    void theApiAllowsNothingAndOnlyTheDocsMayRunScripts() {
        responses().forEach((path, response) -> {
            List<String> csp = directives(header(response, "Content-Security-Policy").orElse(""));
            if (path.startsWith("/api-doc")) {
                assertTrue(csp.contains("script-src 'self' 'unsafe-inline'"), path + ": " + csp);
                assertTrue(csp.contains("default-src 'self'"), path + ": " + csp);
                assertFalse(csp.contains("default-src 'none'"), path + ": " + csp);
            } else {
                assertTrue(csp.contains("default-src 'none'"), path + ": " + csp);
                assertTrue(csp.stream().noneMatch(d -> d.startsWith("script-src")), path + ": " + csp);
            }
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
        });
    }

    @Test
    void apiResponsesAreNeverCachedButTheJwksIs() {
        Map<String, Response> responses = responses();
        for (String path : List.of("/api/auth/login", "/api/auth/me")) {
            assertEquals(List.of("no-store"), responses.get(path).headers().allValues("Cache-Control"), path);
        }
        List<String> jwks = responses.get("/.well-known/jwks.json").headers().allValues("Cache-Control");
        assertEquals(1, jwks.size(), "one Cache-Control: " + jwks);
        assertTrue(jwks.getFirst().contains("public") && jwks.getFirst().contains("max-age=300"), jwks.toString());
        assertFalse(jwks.getFirst().contains("no-store"), jwks.toString());
    }

    /**
     * The tests reach the server as http://localhost, and Micronaut's own CORS filter forbids (403)
     * every request from a non-local Origin to a local host before Gatehouse's filter is asked
     * ("drive-by localhost" protection). In production the service is reached under its public
     * name, which these headers simulate: Micronaut's host resolution reads them.
     */
    private static String[] viaProxy(String... headers) {
        String[] all = Arrays.copyOf(headers, headers.length + 4);
        all[headers.length] = "X-Forwarded-Host";
        all[headers.length + 1] = "auth.example.test";
        all[headers.length + 2] = "X-Forwarded-Proto";
        all[headers.length + 3] = "https";
        return all;
    }

    private Response preflight(String origin, String... extra) {
        String[] headers = Arrays.copyOf(new String[] {"Origin", origin, "Access-Control-Request-Method", "POST"}, 4 + extra.length);
        System.arraycopy(extra, 0, headers, 4, extra.length);
        return send("OPTIONS", "/api/auth/login", null, null, viaProxy(headers));
    }

    @Test
    void preflightFromAnAllowedOriginIsAnswered() {
        for (String origin : List.of(APP, ADMIN_APP)) {
            Response preflight = preflight(origin, "Access-Control-Request-Headers", "content-type, authorization");
            assertEquals(204, preflight.status(), preflight.body());
            assertEquals(List.of(origin), preflight.headers().allValues("Access-Control-Allow-Origin"));
            List<String> methods = values(preflight, "Access-Control-Allow-Methods");
            assertTrue(methods.containsAll(List.of("get", "post", "put", "patch", "delete")), methods.toString());
            List<String> headers = values(preflight, "Access-Control-Allow-Headers");
            assertTrue(headers.contains("authorization") && headers.contains("content-type"), headers.toString());
            assertTrue(values(preflight, "Vary").contains("origin"), preflight.headers().map().toString());
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), "no credentials");
            assertEquals(Optional.of("nosniff"), header(preflight, "X-Content-Type-Options"), "hardened too");
        }
    }

    @Test
    void preflightFromAnyOtherOriginIsNotAllowed() {
        for (String origin : List.of(EVIL, "https://app.example.test.evil.example", "http://app.example.test", "null")) {
            Response preflight = preflight(origin);
            assertEquals(204, preflight.status(), origin + ": answered, just without permission");
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                    origin + ": " + preflight.headers().map());
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").isEmpty(), origin);
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").isEmpty(), origin);
            assertTrue(values(preflight, "Vary").contains("origin"), origin);
        }
    }

    @Test
    void simpleRequestsCarryTheOriginOnlyWhenItIsAllowed() {
        String email = uniqueEmail();
        register(email);
        Response allowed = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD), viaProxy("Origin", APP));
        assertEquals(200, allowed.status(), allowed.body());
        assertEquals(List.of(APP), allowed.headers().allValues("Access-Control-Allow-Origin"));
        assertTrue(values(allowed, "Vary").contains("origin"), allowed.headers().map().toString());
        assertTrue(values(allowed, "Access-Control-Expose-Headers").contains("retry-after"), allowed.headers().map().toString());

        Response refusedButAllowed = postJson("/api/auth/login", Map.of("email", email, "password", "not the password"),
                viaProxy("Origin", ADMIN_APP));
        assertProblem(refusedButAllowed, 401, "invalid_credentials");
        assertEquals(List.of(ADMIN_APP), refusedButAllowed.headers().allValues("Access-Control-Allow-Origin"),
                "errors are readable by the frontend too");

        Response evil = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD), viaProxy("Origin", EVIL));
        assertEquals(200, evil.status(), "CORS is enforced by the browser; the server only withholds the header");
        assertTrue(evil.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), evil.headers().map().toString());
        assertTrue(values(evil, "Vary").contains("origin"), "a cache must not reuse it for another origin");

        Response noOrigin = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD), viaProxy());
        assertEquals(200, noOrigin.status());
        assertTrue(noOrigin.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void aForeignOriginNeverGetsPermissionOnLocalhostEither() {
        Response preflight = send("OPTIONS", "/api/auth/login", null, null, "Origin", EVIL, "Access-Control-Request-Method", "POST");
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), preflight.headers().map().toString());
        Response post = postJson("/api/auth/login", Map.of("email", uniqueEmail(), "password", PASSWORD), "Origin", EVIL);
        assertTrue(post.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), post.headers().map().toString());
    }

    /**
     * Behind a reverse proxy that reaches the service as http://127.0.0.1:8080 without passing the
     * original Host (nginx's default), the allowed frontends are refused: Micronaut's built-in CORS
     * filter answers 403 before Gatehouse's own filter runs.
     */
    @Test
    void allowedOriginsWorkWhenTheServiceIsReachedOnLocalhost() {
        Response preflight = send("OPTIONS", "/api/auth/login", null, null, "Origin", APP, "Access-Control-Request-Method", "POST");
        assertEquals(204, preflight.status(), preflight.headers().map().toString());
        assertEquals(List.of(APP), preflight.headers().allValues("Access-Control-Allow-Origin"));
        String email = uniqueEmail();
        register(email);
        Response post = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD), "Origin", APP);
        assertEquals(200, post.status(), post.body());
        assertEquals(List.of(APP), post.headers().allValues("Access-Control-Allow-Origin"));
    }

    @Test
    void xForwardedForIsIgnoredWithoutATrustedProxy() {
        String email = uniqueEmail();
        register(email);
        Response login = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD),
                "X-Forwarded-For", "203.0.113.9");
        assertEquals(200, login.status(), login.body());
        Response sessions = get("/api/auth/sessions", "Authorization", bearer(login.string("access")),
                "X-Forwarded-For", "203.0.113.9");
        assertEquals(200, sessions.status(), sessions.body());
        List<Map<String, Object>> list = sessions.list();
        assertEquals(2, list.size(), "registration and login: " + sessions.body());
        Map<String, Object> current = list.stream().filter(s -> Boolean.TRUE.equals(s.get("current"))).findFirst().orElseThrow();
        assertEquals("127.0.0.1", current.get("ip"), sessions.body());
        assertTrue(list.stream().noneMatch(s -> "203.0.113.9".equals(s.get("ip"))), sessions.body());
    }

    /** Every comma-separated value of every occurrence of a header, lower-cased. */
    private static List<String> values(Response response, String name) {
        return response.headers().allValues(name).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }
}
