package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.out.persistence.TestDatabase;
import dev.gatehouse.application.port.out.SettingsStore;
import dev.gatehouse.application.service.RuntimeSettingsService;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.application.settings.Tunables;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A whole Gatehouse instance started by a test itself, for tests that need several, or a faulty network. */
final class StandaloneServer implements AutoCloseable {
    static final String MASTER_KEY = "test-master-key-0123456789-abcdefghijklmnop";
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)");

    /** Instances open now: the last one to close leaves the database as the configuration has it. */
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final EmbeddedServer server;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    StandaloneServer(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.put("micronaut.server.port", "-1");
        properties.put("auth.master-key", MASTER_KEY);
        properties.putAll(overrides);
        this.server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(properties));
        this.json = server.getApplicationContext().getBean(JsonMapper.class);
        // Same runtime settings as the other end-to-end tests, whatever ran before.
        SettingsStore store = server.getApplicationContext().getBean(SettingsStore.class);
        store.save(HttpTest.TEST_DEFAULTS, store.load().orElseThrow().version(), null, java.time.Instant.now()).orElseThrow();
        server.getApplicationContext().getBean(RuntimeSettingsService.class).refreshNow();
        OPEN.incrementAndGet();
    }

    /** The test database's URL with host and port replaced, e.g. to go through a {@link TcpProxy}. */
    static String databaseUrlVia(String host, int port) {
        Matcher m = matcher();
        return "jdbc:postgresql://" + host + ":" + port + "/" + m.group(3);
    }

    static String databaseHost() {
        return matcher().group(1);
    }

    static int databasePort() {
        Matcher m = matcher();
        return m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
    }

    private static Matcher matcher() {
        Matcher m = JDBC_URL.matcher(TestDatabase.properties().get("datasources.default.url"));
        if (!m.matches()) {
            throw new IllegalStateException("unexpected JDBC URL " + TestDatabase.properties().get("datasources.default.url"));
        }
        return m;
    }

    int port() {
        return server.getPort();
    }

    HttpTest.Response send(String method, String path, String body, String... headers) {
        return HttpTest.send(http, json, "http://localhost:" + server.getPort(), method, path, body,
                body == null ? null : "application/json", headers);
    }

    void createAdmin(String email) {
        server.getApplicationContext().getBean(dev.gatehouse.application.port.in.CreateAdminUseCase.class)
                .createAdmin(dev.gatehouse.domain.user.EmailAddress.of(email), dev.gatehouse.domain.user.PlainPassword.of(HttpTest.PASSWORD));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (OPEN.decrementAndGet() == 0) {
                restoreConfiguredSettings();
            }
        } finally {
            server.getApplicationContext().close();
        }
    }

    /**
     * Runs {@code work} (e.g. a command that starts its own context) on a database that holds the
     * configured runtime settings, as a deployment's does, and then puts the test settings back.
     */
    <T> T withConfiguredSettings(Supplier<T> work) {
        restoreConfiguredSettings();
        try {
            return work.get();
        } finally {
            SettingsStore store = server.getApplicationContext().getBean(SettingsStore.class);
            store.save(HttpTest.TEST_DEFAULTS, store.load().orElseThrow().version(), null, java.time.Instant.now()).orElseThrow();
            server.getApplicationContext().getBean(RuntimeSettingsService.class).refreshNow();
        }
    }

    /**
     * Stores the configured runtime settings again, so that the next instance starts on a database
     * that agrees with its configuration instead of warning that the database wins. Best effort: a
     * test that cut the database off only leaves that warning behind.
     */
    private void restoreConfiguredSettings() {
        try {
            SettingsStore store = server.getApplicationContext().getBean(SettingsStore.class);
            Tunables configured = Tunables.of(server.getApplicationContext().getBean(AuthSettings.class));
            store.save(configured, store.load().orElseThrow().version(), null, java.time.Instant.now());
        } catch (RuntimeException unreachable) {
            // the database is gone (an outage test): the next start says the settings differ, nothing worse
        }
    }
}
