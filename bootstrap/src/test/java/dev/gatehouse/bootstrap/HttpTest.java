package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.adapter.out.persistence.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import dev.gatehouse.application.port.in.CreateAdminUseCase;
import dev.gatehouse.application.port.out.SettingsStore;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.application.service.RuntimeSettingsService;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.application.settings.VerificationMode;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Base of the end-to-end tests: the whole service on a real port, on the real test database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpTest implements TestPropertyProvider {
    static final String PASSWORD = "correct horse battery staple";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Runtime settings for tests: every request comes from 127.0.0.1, so the per-client limits are
     * lifted; classes that test a limit or a mode set their own with {@link #tune}, and this base
     * puts these back before each class. After each class it stores the configured values again, so
     * that the next instance starts on a database that agrees with its configuration (otherwise every
     * start logs, rightly, that the database's settings win over the configuration).
     */
    static final Tunables TEST_DEFAULTS = new Tunables(Duration.ofMinutes(5), Duration.ofDays(30), Duration.ofSeconds(10),
            VerificationMode.OPTIONAL, 8, new RateLimits(5, Duration.ofMinutes(15), 100_000, 1_000, 100_000, 100_000, 100_000));

    @Inject
    SettingsStore settingsStore;
    @Inject
    RuntimeSettingsService runtimeSettings;
    @Inject
    AuthSettings configured;

    @BeforeAll
    void resetSettingsBefore() {
        tune(t -> TEST_DEFAULTS);
    }

    @AfterAll
    void restoreConfiguredSettingsAfter() {
        tune(t -> Tunables.of(configured));
    }

    /** Changes the stored runtime settings and makes this instance read them at once. */
    void tune(UnaryOperator<Tunables> change) {
        var stored = settingsStore.load().orElseThrow();
        settingsStore.save(change.apply(stored.tunables()), stored.version(), null, Instant.now()).orElseThrow();
        runtimeSettings.refreshNow();
    }

    /**
     * Runs {@code work} (e.g. a command that starts its own context) on a database that holds the
     * configured runtime settings, as a deployment's does, and then puts this class's settings back.
     */
    <T> T withConfiguredSettings(Supplier<T> work) {
        Tunables current = settingsStore.load().orElseThrow().tunables();
        tune(t -> Tunables.of(configured));
        try {
            return work.get();
        } finally {
            tune(t -> current);
        }
    }

    static Tunables withLimits(Tunables t, RateLimits limits) {
        return new Tunables(t.accessTokenTtl(), t.refreshTokenTtl(), t.refreshReuseGrace(), t.verificationMode(),
                t.passwordMinLength(), limits);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.put("micronaut.server.port", "-1");
        properties.put("auth.master-key", "test-master-key-0123456789-abcdefghijklmnop");
        properties.putAll(extraProperties());
        return properties;
    }

    Map<String, String> extraProperties() {
        return Map.of();
    }

    record Response(int status, java.net.http.HttpHeaders headers, String body, JsonMapper json) {
        Map<String, Object> map() {
            try {
                return json.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON object: " + body, e);
            }
        }

        List<Map<String, Object>> list() {
            try {
                return json.readValue(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON array: " + body, e);
            }
        }

        String string(String key) {
            return (String) map().get(key);
        }

        String contentType() {
            return headers.firstValue("content-type").orElse("");
        }

        @SuppressWarnings("unchecked")
        Map<String, List<String>> errors() {
            return (Map<String, List<String>>) map().get("errors");
        }
    }

    Response send(String method, String path, String body, String contentType, String... headers) {
        return send(http, json, "http://localhost:" + server.getPort(), method, path, body, contentType, headers);
    }

    static Response send(HttpClient http, JsonMapper json, String base, String method, String path, String body,
                         String contentType, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response post(String path, String body, String... headers) {
        return send("POST", path, body, "application/json", headers);
    }

    Response get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    Response postJson(String path, Object body, String... headers) {
        try {
            return post(path, json.writeValueAsString(body), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bearer(String access) {
        return "Bearer " + access;
    }

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    @Inject
    CreateAdminUseCase createAdmin;

    /** A fresh administrator (made the way the create-admin command makes one), logged in: its access token. */
    String adminToken() {
        String email = "admin-" + uniqueEmail();
        createAdmin.createAdmin(EmailAddress.of(email), PlainPassword.of(PASSWORD));
        Response login = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertEquals(200, login.status(), login.body());
        return login.string("access");
    }

    /**
     * Marks the account's address as proved, as an administrator can: a claimed account, which a
     * later registration of the same address no longer replaces.
     */
    void markVerified(String userId) {
        Response patched = send("PATCH", "/api/admin/users/" + userId, "{\"email_verified\":true}", "application/json",
                "Authorization", bearer(adminToken()));
        assertEquals(200, patched.status(), patched.body());
    }

    /** Registers a fresh account and returns the token-pair response. */
    Response register(String email) {
        Response response = postJson("/api/auth/register", Map.of("email", email, "password", PASSWORD));
        assertEquals(201, response.status(), response.body());
        return response;
    }

    static void assertProblem(Response response, int status, String code) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), "content type: " + response.contentType());
        Map<String, Object> problem = response.map();
        assertEquals(code, problem.get("code"), response.body());
        assertEquals(status, ((Number) problem.get("status")).intValue());
        assertTrue(problem.get("type") instanceof String && problem.get("title") instanceof String, response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("at dev.") || response.body().contains("at io."),
                "no internals in the body: " + response.body());
    }
}
