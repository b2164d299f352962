package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AdminEndToEndTest extends HttpTest {

    private record Route(String method, String path, String body) {
    }

    @Test
    void everyAdminRouteIsForAdminsOnly() {
        String viewerEmail = uniqueEmail();
        Response viewer = register(viewerEmail);
        String viewerId = (String) ((Map<?, ?>) viewer.map().get("user")).get("id");
        String admin = adminToken();
        String settings = get("/api/admin/settings", "Authorization", bearer(admin)).body();
        List<Route> routes = List.of(new Route("GET", "/api/admin/users?query=user&page=1&size=5", null),
                new Route("GET", "/api/admin/users/" + viewerId, null),
                new Route("PATCH", "/api/admin/users/" + viewerId, "{\"email_verified\":true}"),
                new Route("POST", "/api/admin/users/" + viewerId + "/logout", null),
                new Route("GET", "/api/admin/audit?type=login_success", null),
                new Route("POST", "/api/admin/keys/rotate", null),
                new Route("GET", "/api/admin/settings", null),
                new Route("PUT", "/api/admin/settings", settings));
        for (Route route : routes) {
            assertProblem(send(route.method(), route.path(), route.body(), "application/json"), 401, "not_authenticated");
            assertProblem(send(route.method(), route.path(), route.body(), "application/json", "Authorization",
                    bearer(viewer.string("access"))), 403, "permission_denied");
        }
        for (Route route : routes) {
            Response asAdmin = send(route.method(), route.path(), route.body(), "application/json", "Authorization", bearer(admin));
            assertEquals(200, asAdmin.status(), route + ": " + asAdmin.body());
        }
    }

    @Test
    void searchViewAndPaginate() {
        String admin = bearer(adminToken());
        String marker = "zz" + uniqueEmail().substring(5, 13);
        for (int i = 0; i < 3; i++) {
            postJson("/api/auth/register", Map.of("email", marker + i + "@example.com", "password", PASSWORD));
        }
        Response page1 = get("/api/admin/users?query=" + marker.toUpperCase() + "&size=2&page=1", "Authorization", admin);
        assertEquals(200, page1.status(), page1.body());
        assertEquals(3, ((Number) page1.map().get("total")).intValue());
        assertEquals(2, ((List<?>) page1.map().get("items")).size());
        Response page2 = get("/api/admin/users?query=" + marker + "&size=2&page=2", "Authorization", admin);
        assertEquals(1, ((List<?>) page2.map().get("items")).size());
        assertProblem(get("/api/admin/users?page=0", "Authorization", admin), 400, "validation_failed");
        assertProblem(get("/api/admin/users?size=101", "Authorization", admin), 400, "validation_failed");
        assertProblem(get("/api/admin/users/not-a-uuid", "Authorization", admin), 404, "not_found");
        assertProblem(get("/api/admin/users/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "Authorization", admin), 404, "not_found");
    }

    @Test
    void deactivationRevokesSessionsAndBlocksLogin() {
        String email = uniqueEmail();
        Response user = register(email);
        String id = (String) ((Map<?, ?>) user.map().get("user")).get("id");
        String admin = bearer(adminToken());

        Response patched = send("PATCH", "/api/admin/users/" + id, "{\"is_active\":false,\"role\":\"admin\"}", "application/json",
                "Authorization", admin);
        assertEquals(200, patched.status(), patched.body());
        assertEquals(false, patched.map().get("is_active"));
        assertEquals("admin", patched.map().get("role"));
        assertProblem(get("/api/auth/me", "Authorization", bearer(user.string("access"))), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/token/verify", Map.of("token", user.string("access"))), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", user.string("refresh"))), 401, "token_not_valid");
        assertProblem(postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)), 403, "account_disabled");

        Response bad = send("PATCH", "/api/admin/users/" + id, "{\"is_active\":\"no\",\"role\":\"king\",\"email\":\"x@y.z\"}",
                "application/json", "Authorization", admin);
        assertProblem(bad, 400, "validation_failed");
        assertTrue(bad.errors().keySet().containsAll(List.of("is_active", "role", "email")), bad.body());

        send("PATCH", "/api/admin/users/" + id, "{\"is_active\":true}", "application/json", "Authorization", admin);
        assertEquals(200, postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)).status());
        Response audit = get("/api/admin/audit?user=" + id + "&type=admin_user_updated", "Authorization", admin);
        assertEquals(2, ((Number) audit.map().get("total")).intValue(), audit.body());
    }

    @Test
    void forcedLogoutEndsEverySession() {
        String email = uniqueEmail();
        Response first = register(email);
        Response second = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        String id = (String) ((Map<?, ?>) first.map().get("user")).get("id");
        Response out = postJson("/api/admin/users/" + id + "/logout", Map.of(), "Authorization", bearer(adminToken()));
        assertEquals(200, out.status(), out.body());
        assertEquals(2, ((Number) out.map().get("revoked")).intValue());
        assertProblem(get("/api/auth/me", "Authorization", bearer(second.string("access"))), 401, "token_not_valid");
    }

    @Test
    void theAuditLogRecordsSecurityEvents() {
        String email = uniqueEmail();
        Response user = register(email);
        String id = (String) ((Map<?, ?>) user.map().get("user")).get("id");
        postJson("/api/auth/login", Map.of("email", email, "password", "wrong password here"));
        postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        String admin = bearer(adminToken());
        Response events = get("/api/admin/audit?user=" + id, "Authorization", admin);
        assertEquals(200, events.status(), events.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) events.map().get("items");
        List<Object> types = items.stream().map(e -> e.get("type")).toList();
        assertEquals(List.of("login_success", "login_failure", "registration"), types, events.body());
        assertEquals("127.0.0.1", items.getFirst().get("ip"));
        assertTrue(events.body().indexOf(PASSWORD) < 0 && !events.body().contains("wrong password here"), "no secrets");
        assertProblem(get("/api/admin/audit?type=bogus", "Authorization", admin), 400, "validation_failed");
    }

    @Test
    void rotatedKeysKeepOldTokensValid() {
        Response before = register(uniqueEmail());
        String admin = bearer(adminToken());
        Response rotated = postJson("/api/admin/keys/rotate", Map.of(), "Authorization", admin);
        assertEquals(200, rotated.status(), rotated.body());
        String newKid = rotated.string("kid");

        Response after = register(uniqueEmail());
        assertEquals(newKid, kidOf(after.string("access")), "new tokens are signed with the new key");
        assertNotEquals(newKid, kidOf(before.string("access")));
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(before.string("access"))).status(), "old tokens still verify");
        String jwks = get("/.well-known/jwks.json").body();
        assertTrue(jwks.contains(newKid) && jwks.contains(kidOf(before.string("access"))), jwks);
    }

    @Test
    void settingsAreValidatedAndAudited() {
        String admin = bearer(adminToken());
        Map<String, Object> settings = get("/api/admin/settings", "Authorization", admin).map();
        settings.put("access_token_ttl", "PT10S");
        settings.put("verification_mode", "sometimes");
        settings.put("surprise", 1);
        Response bad = send("PUT", "/api/admin/settings", write(settings), "application/json", "Authorization", admin);
        assertProblem(bad, 400, "validation_failed");
        assertTrue(bad.errors().containsKey("verification_mode") && bad.errors().containsKey("surprise"), bad.body());

        settings.remove("surprise");
        settings.put("verification_mode", "optional");
        Response tooShort = send("PUT", "/api/admin/settings", write(settings), "application/json", "Authorization", admin);
        assertProblem(tooShort, 400, "validation_failed");
        assertTrue(tooShort.errors().containsKey("access_token_ttl"), tooShort.body());

        settings.put("access_token_ttl", "PT7M");
        Response ok = send("PUT", "/api/admin/settings", write(settings), "application/json", "Authorization", admin);
        assertEquals(200, ok.status(), ok.body());
        assertEquals("PT7M", ok.string("access_token_ttl"));
        Response fresh = register(uniqueEmail());
        long ttl = java.time.Duration.between(java.time.Instant.now(), java.time.Instant.parse(fresh.string("access_expires_at"))).toSeconds();
        assertTrue(ttl > 400 && ttl <= 420, "new tokens live 7 minutes: " + ttl);
        Response audit = get("/api/admin/audit?type=settings_changed", "Authorization", admin);
        assertTrue(audit.body().contains("access_token_ttl PT5M -> PT7M"), audit.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void patchChangesOnlyWhatIsSentAndAStaleVersionIsAConflict() {
        String admin = bearer(adminToken());
        Map<String, Object> before = get("/api/admin/settings", "Authorization", admin).map();
        long version = ((Number) before.get("version")).longValue();

        Response patched = send("PATCH", "/api/admin/settings",
                write(Map.of("refresh_reuse_grace", "PT20S", "rate_limits", Map.of("login_max_failures", 7), "version", version)),
                "application/json", "Authorization", admin);
        assertEquals(200, patched.status(), patched.body());
        Map<String, Object> after = patched.map();
        assertEquals("PT20S", after.get("refresh_reuse_grace"));
        assertEquals(before.get("access_token_ttl"), after.get("access_token_ttl"), "not sent, so kept");
        Map<String, Object> limits = (Map<String, Object>) after.get("rate_limits");
        Map<String, Object> limitsBefore = (Map<String, Object>) before.get("rate_limits");
        assertEquals(7, ((Number) limits.get("login_max_failures")).intValue());
        assertEquals(limitsBefore.get("lockout"), limits.get("lockout"), "a limit not sent is kept too");
        assertEquals(version + 1, ((Number) after.get("version")).longValue());

        // Another administrator read version N and writes after this one: refused, nothing changed.
        Response stale = send("PATCH", "/api/admin/settings", write(Map.of("refresh_reuse_grace", "PT30S", "version", version)),
                "application/json", "Authorization", admin);
        assertProblem(stale, 409, "version_conflict");
        assertEquals("PT20S", get("/api/admin/settings", "Authorization", admin).string("refresh_reuse_grace"));

        // Bounds are reported on the setting that broke them, whichever it is.
        Response bounds = send("PATCH", "/api/admin/settings", write(Map.of("refresh_token_ttl", "PT1M",
                "rate_limits", Map.of("login_max_failures", 0))), "application/json", "Authorization", admin);
        assertProblem(bounds, 400, "validation_failed");
        assertEquals(java.util.Set.of("refresh_token_ttl", "rate_limits"), bounds.errors().keySet(), bounds.body());
        Response unknownLimit = send("PATCH", "/api/admin/settings", write(Map.of("rate_limits", Map.of("surprise", 1))),
                "application/json", "Authorization", admin);
        assertProblem(unknownLimit, 400, "validation_failed");
        assertTrue(unknownLimit.errors().containsKey("rate_limits.surprise"), unknownLimit.body());
        tune(t -> TEST_DEFAULTS);
    }

    private static String kidOf(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        int at = header.indexOf("\"kid\":\"") + 7;
        return header.substring(at, header.indexOf('"', at));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
