package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OperationsEndToEndTest extends HttpTest {
    @Test
    void jwksPublishesTheKeyThatSignsAccessTokens() {
        String access = register(uniqueEmail()).string("access");
        String header = new String(Base64.getUrlDecoder().decode(access.split("\\.")[0]), StandardCharsets.UTF_8);
        Response jwks = get("/.well-known/jwks.json");
        assertEquals(200, jwks.status());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.map().get("keys");
        assertTrue(keys.stream().anyMatch(k -> header.contains("\"" + k.get("kid") + "\"")), "the token's kid is published");
        assertTrue(keys.stream().noneMatch(k -> k.containsKey("d")), "never a private part");
        assertEquals("EC", keys.getFirst().get("kty"));

        Response discovery = get("/.well-known/openid-configuration");
        // AUTH_ISSUER is unset here: the default names the (random) port this instance listens on.
        String issuer = "http://localhost:" + server.getPort();
        assertEquals(issuer, discovery.string("issuer"));
        assertEquals(issuer + "/.well-known/jwks.json", discovery.string("jwks_uri"));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        Response spec = get("/openapi.yml");
        assertEquals(200, spec.status());
        assertEquals("application/yaml", spec.headers().firstValue("content-type").orElse(""), "a YAML type, not text/plain");
        assertTrue(spec.body().startsWith("openapi: 3"), spec.body().substring(0, 40));
        for (String path : List.of("/api/auth/register:", "/api/auth/login:", "/api/auth/refresh:", "/api/auth/logout:",
                "/api/auth/token/verify:", "/api/auth/me:", "/api/auth/password/change:", "/api/auth/sessions:",
                "/api/auth/sessions/{id}:", "/api/auth/verify-email:", "/api/auth/verify-email/resend:",
                "/api/auth/password/reset:", "/api/auth/password/reset/confirm:", "/.well-known/jwks.json:")) {
            assertTrue(spec.body().contains(path), "documented: " + path);
        }
        Response ui = get("/api-doc/");
        assertEquals(200, ui.status());
        assertTrue(ui.body().toLowerCase().contains("swagger"), "Swagger UI page");
        assertTrue(ui.body().contains("<title>Gatehouse API</title>"), "titled after the service, not the file name");
        assertEquals(200, get("/api-doc/res/swagger-ui-bundle.js").status(), "served from the jar, no CDN");
    }

    @Test
    void healthReadinessAndMetrics() {
        Response health = get("/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.string("status"));
        assertEquals(200, get("/health/readiness").status());
        get("/api/auth/me");
        Response metrics = get("/prometheus");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("http_server_requests_seconds_bucket"), "latency histograms");
        assertTrue(metrics.body().contains("hikaricp_connections"), "pool metrics");
    }
}
