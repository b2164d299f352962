package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.adapter.out.persistence.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code create-admin}, run in-process against the real test database, checked through a running server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreateAdminCommandTest {
    private static final String ADMIN_PASSWORD = "a good passphrase";

    private StandaloneServer server;

    @BeforeAll
    void startServer() {
        server = new StandaloneServer(Map.of());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Map<String, Object> databaseProperties() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("auth.master-key", StandaloneServer.MASTER_KEY);
        return properties;
    }

    /** Runs the command in-process, on a database holding the configured runtime settings, as an operator's does. */
    private Run run(List<String> args, InputStream in, Map<String, String> env, Map<String, Object> properties) {
        return server.withConfiguredSettings(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = CreateAdminCommand.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), env, properties);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
    }

    private Run run(List<String> args, Map<String, String> env) {
        return run(args, InputStream.nullInputStream(), env, databaseProperties());
    }

    private static String uniqueEmail() {
        return "admin-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    private HttpTest.Response login(String email, String password) {
        return server.send("POST", "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    @SuppressWarnings("unchecked")
    private static String role(HttpTest.Response login) {
        return (String) ((Map<String, Object>) login.map().get("user")).get("role");
    }

    private String registerViewer() {
        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        HttpTest.Response registered = server.send("POST", "/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}");
        assertEquals(201, registered.status(), registered.body());
        assertEquals("viewer", role(registered));
        return email;
    }

    @Test
    void withoutArgumentsItPrintsTheUsage() {
        Run run = run(List.of(), Map.of("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD));
        assertEquals(CreateAdminCommand.USAGE, run.exit());
        assertTrue(run.err().contains("--email is required"), run.err());
        assertTrue(run.err().contains("Usage: java -jar gatehouse.jar create-admin --email <address>"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void misuseIsExitTwo() {
        Run invalid = run(List.of("--email", "not-an-email"), Map.of("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD));
        assertEquals(CreateAdminCommand.USAGE, invalid.exit());
        assertTrue(invalid.err().contains("'not-an-email' is not a valid email address"), invalid.err());

        Run unexpected = run(List.of("--email", uniqueEmail(), "--force"), Map.of("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD));
        assertEquals(CreateAdminCommand.USAGE, unexpected.exit());
        assertTrue(unexpected.err().contains("unexpected argument '--force'"), unexpected.err());

        Run noPassword = run(List.of("--email", uniqueEmail()), Map.of());
        assertEquals(CreateAdminCommand.USAGE, noPassword.exit(), "empty standard input, no AUTH_ADMIN_PASSWORD");
        assertTrue(noPassword.err().contains("no password"), noPassword.err());

        Run help = run(List.of("--help"), Map.of());
        assertEquals(CreateAdminCommand.OK, help.exit());
        assertTrue(help.out().contains("Usage:"), help.out());
    }

    @Test
    void createsAnAdministratorWithThePasswordFromTheEnvironment() {
        String email = uniqueEmail();
        Run run = run(List.of("--email", email), Map.of("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD));
        assertEquals(CreateAdminCommand.OK, run.exit(), run.err());
        assertTrue(run.out().contains("created administrator " + email), run.out());
        assertEquals("", run.err());

        HttpTest.Response login = login(email, ADMIN_PASSWORD);
        assertEquals(200, login.status(), login.body());
        assertEquals("admin", role(login));
        HttpTest.Response users = server.send("GET", "/api/admin/users", null, "Authorization", HttpTest.bearer(login.string("access")));
        assertEquals(200, users.status(), users.body());
        assertTrue(users.map().get("items") instanceof List<?>, users.body());
    }

    @Test
    void readsThePasswordFromStandardInput() {
        String email = uniqueEmail();
        Run run = run(List.of("--email=" + email),
                new ByteArrayInputStream((ADMIN_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)), Map.of(), databaseProperties());
        assertEquals(CreateAdminCommand.OK, run.exit(), run.err());
        assertTrue(run.out().contains("created administrator " + email), run.out());

        HttpTest.Response login = login(email, ADMIN_PASSWORD);
        assertEquals(200, login.status(), "the trailing newline is not part of the password: " + login.body());
        assertEquals("admin", role(login));
    }

    @Test
    void runningItAgainChangesNothing() {
        String email = uniqueEmail();
        assertEquals(CreateAdminCommand.OK, run(List.of("--email", email), Map.of("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD)).exit());
        Run again = run(List.of("--email", email), Map.of("AUTH_ADMIN_PASSWORD", "some other passphrase"));
        assertEquals(CreateAdminCommand.OK, again.exit(), again.err());
        assertTrue(again.out().contains(email + " is already an administrator"), again.out());

        assertEquals(200, login(email, ADMIN_PASSWORD).status(), "the password is unchanged");
        assertEquals(401, login(email, "some other passphrase").status());
    }

    @Test
    void promotesAnExistingViewerKeepingItsPassword() {
        String email = registerViewer();
        Run run = run(List.of("--email", email.toUpperCase()), Map.of("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD));
        assertEquals(CreateAdminCommand.OK, run.exit(), run.err());
        assertTrue(run.out().contains("it is now an administrator (password unchanged)"), run.out());

        HttpTest.Response login = login(email, HttpTest.PASSWORD);
        assertEquals(200, login.status(), login.body());
        assertEquals("admin", role(login));
        assertHttpTest401(login(email, ADMIN_PASSWORD));
        assertEquals(200, server.send("GET", "/api/admin/users", null, "Authorization", HttpTest.bearer(login.string("access"))).status());
    }

    @Test
    void aViewerIsRefusedTheAdminApi() {
        String email = registerViewer();
        HttpTest.Response login = login(email, HttpTest.PASSWORD);
        assertEquals(200, login.status(), login.body());
        HttpTest.assertProblem(server.send("GET", "/api/admin/users", null, "Authorization", HttpTest.bearer(login.string("access"))),
                403, "permission_denied");
    }

    @Test
    void aWeakPasswordCreatesNoAccount() {
        for (String weak : List.of("password", "short", "12345678901234")) {
            String email = uniqueEmail();
            Run run = run(List.of("--email", email), Map.of("AUTH_ADMIN_PASSWORD", weak));
            assertEquals(CreateAdminCommand.FAILED, run.exit(), weak + ": " + run.out());
            assertTrue(run.err().contains("the password is not acceptable: This password is"), run.err());
            assertEquals("", run.out());
            assertHttpTest401(login(email, weak));
        }
        Run common = run(List.of("--email", uniqueEmail()), Map.of("AUTH_ADMIN_PASSWORD", "password"));
        assertTrue(common.err().contains("too common"), common.err());
    }

    private Run runAgainstAClosedPort() {
        Map<String, Object> properties = databaseProperties();
        properties.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:1/x");
        properties.put("datasources.default.connection-timeout", "1000");
        return run(List.of("--email", uniqueEmail()), InputStream.nullInputStream(), Map.of("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD),
                properties);
    }

    @Test
    void anUnreachableDatabaseFailsWithExitOne() {
        long start = System.nanoTime();
        Run run = runAgainstAClosedPort();
        assertEquals(CreateAdminCommand.FAILED, run.exit(), run.out());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("create-admin: failed: "), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace or exception names: " + run.err());
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "gives up in reasonable time");
    }

    /** The pool fails while the context starts; the command prints only the root cause, "Connection refused". */
    @Test
    void anUnreachableDatabaseIsNamedInTheMessage() {
        Run run = runAgainstAClosedPort();
        assertEquals(CreateAdminCommand.FAILED, run.exit());
        assertTrue(run.err().toLowerCase(Locale.ROOT).contains("database"), "names the database: " + run.err());
    }

    private static void assertHttpTest401(HttpTest.Response login) {
        HttpTest.assertProblem(login, 401, "invalid_credentials");
    }
}
