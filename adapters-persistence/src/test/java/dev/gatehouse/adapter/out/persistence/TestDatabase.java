package dev.gatehouse.adapter.out.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The real PostgreSQL the tests run against: a Testcontainers one where Docker is available,
 * otherwise the server named by TEST_JDBC_URL / TEST_DB_USERNAME / TEST_DB_PASSWORD, or by default
 * a local one (database gatehouse_test, created when missing). Never skipped: when no database can
 * be reached the tests fail with a message that says how to provide one.
 *
 * <p>The schema is dropped once per test JVM, so every run starts from an empty database and
 * exercises the migrations from the first.
 */
public final class TestDatabase {
    private static Map<String, String> properties;
    private static PostgreSQLContainer<?> container;

    private TestDatabase() {
    }

    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            properties = start();
        }
        return properties;
    }

    private static Map<String, String> start() {
        String url;
        String user;
        String password;
        if (System.getenv("TEST_JDBC_URL") == null && dockerAvailable()) {
            container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            url = container.getJdbcUrl();
            user = container.getUsername();
            password = container.getPassword();
        } else {
            System.out.println("[TestDatabase] " + (System.getenv("TEST_JDBC_URL") != null
                    ? "TEST_JDBC_URL is set" : "no Docker engine") + ": using the PostgreSQL server named by the environment");
            url = env("TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/gatehouse_test");
            user = env("TEST_DB_USERNAME", "postgres");
            password = env("TEST_DB_PASSWORD", "");
            ensureDatabase(url, user, password);
        }
        resetSchema(url, user, password);
        Map<String, String> p = new HashMap<>();
        p.put("datasources.default.url", url);
        p.put("datasources.default.username", user);
        p.put("datasources.default.password", password);
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("datasources.default.dialect", "POSTGRES");
        p.put("datasources.default.maximum-pool-size", "12");
        p.put("datasources.default.connection-timeout", "3000");
        p.put("flyway.datasources.default.enabled", "true");
        return Map.copyOf(p);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void ensureDatabase(String url, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) { // anything but "database does not exist"
                throw new IllegalStateException(howTo(url, user, e), e);
            }
        }
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String name = url.substring(slash + 1, query < 0 ? url.length() : query);
        String maintenance = url.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
        try (Connection c = DriverManager.getConnection(maintenance, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException(howTo(url, user, e), e);
        }
    }

    private static void resetSchema(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                System.out.println("[TestDatabase] " + url + " as " + user + ": " + rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(howTo(url, user, e), e);
        }
    }

    private static String howTo(String url, String user, SQLException e) {
        return "The integration tests need PostgreSQL and could not use " + url + " as " + user + " (" + e.getMessage()
                + "). Start Docker, or run PostgreSQL and set TEST_JDBC_URL, TEST_DB_USERNAME and TEST_DB_PASSWORD "
                + "(.ci/run shows how).";
    }
}
