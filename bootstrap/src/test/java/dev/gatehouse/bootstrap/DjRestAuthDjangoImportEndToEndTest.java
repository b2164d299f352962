package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.adapter.out.persistence.TestDatabase;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Django project's users, as {@code manage.py dumpdata auth.user} writes them, imported with the
 * {@code import-django-users} command and then logged in through the dj-rest-auth dialect: the Django
 * PBKDF2 hash verifies, and the first login replaces it with Argon2id.
 */
@MicronautTest(transactional = false)
class DjRestAuthDjangoImportEndToEndTest extends HttpTest {
    /** Django: make_password("hunter2", salt="seasalt", hasher="pbkdf2_sha256"), 600,000 iterations. */
    private static final String HUNTER2 = "pbkdf2_sha256$600000$seasalt$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=";
    /** The same for "correct horse battery staple" with the salt "Gx3pLq0Zr8vW2yTn". */
    private static final String STAPLE = "pbkdf2_sha256$600000$Gx3pLq0Zr8vW2yTn$AeKosyWnxBdeeT+IIu2nx0zR90w1fc6Cyb1R7O9RM20=";

    @TempDir
    Path dir;
    @Inject
    UserRepository users;

    @Override
    Map<String, String> extraProperties() {
        return Map.of("auth.compat.dj-rest-auth.enabled", "true");
    }

    record Run(int exit, String out, String err) {
    }

    private Run importFile(String content, String... flags) {
        Path file = dir.resolve("users-" + UUID.randomUUID() + ".json");
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new java.util.ArrayList<>(List.of("--file", file.toString()));
        args.addAll(List.of(flags));
        return run(args);
    }

    /** Runs the command in-process, on a database holding the configured runtime settings, as an operator's does. */
    private Run run(List<String> args) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("auth.master-key", StandaloneServer.MASTER_KEY);
        return withConfiguredSettings(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = ImportDjangoUsersCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), properties);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
    }

    /** One object of dumpdata's output. */
    private static String djangoUser(int pk, String username, String email, String hash, boolean active, boolean superuser,
                                     String lastLogin) {
        return """
                {"model": "auth.user", "pk": %d, "fields": {"password": "%s", "last_login": %s, "is_superuser": %s,
                 "username": "%s", "first_name": "Ada", "last_name": "Lovelace", "email": "%s", "is_staff": %s,
                 "is_active": %s, "date_joined": "2021-06-01T08:30:00.123Z", "groups": [], "user_permissions": []}}"""
                .formatted(pk, hash, lastLogin == null ? "null" : "\"" + lastLogin + "\"", superuser, username, email, superuser, active);
    }

    private User stored(String email) {
        return users.findByEmail(EmailAddress.of(email)).orElseThrow();
    }

    private Response djLogin(String field, String value, String password) {
        return postJson("/dj-rest-auth/login/", Map.of(field, value, "password", password));
    }

    @Test
    void importedDjangoUsersLogInWithTheirOldPasswordsAndAreUpgradedToArgon2id() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ada = "ada-" + tag + "@example.com";
        String root = "root-" + tag + "@example.com";
        String gone = "gone-" + tag + "@example.com";
        String social = "social-" + tag + "@example.com";
        String present = "present-" + tag + "@example.com";
        register(present);
        String dump = "[" + String.join(",\n",
                djangoUser(1, "ada_" + tag, ada, HUNTER2, true, false, "2024-12-24T18:00:00Z"),
                djangoUser(2, "root_" + tag, root, STAPLE, true, true, null),
                djangoUser(3, "gone_" + tag, gone, HUNTER2, false, false, null),
                djangoUser(4, "social_" + tag, social, "!Xk3HqYb7VzPmc0sAXkA8bW4uQWmJ0aQhKjgY2s1r", true, false, null),
                djangoUser(5, "present_" + tag, present, HUNTER2, true, false, null),
                djangoUser(6, "bad_" + tag, "not-an-address", HUNTER2, true, false, null),
                "{\"model\": \"auth.group\", \"pk\": 1, \"fields\": {\"name\": \"editors\", \"permissions\": []}}") + "]";

        Run first = importFile(dump);

        assertEquals(ImportDjangoUsersCommand.FAILED, first.exit(), "an invalid row makes the run fail: " + first.out() + first.err());
        assertTrue(first.out().contains("imported pk=1 " + ada + " -> "), first.out());
        assertTrue(first.out().contains("present  pk=5 " + present), first.out());
        assertTrue(first.err().contains("invalid  pk=6 not-an-address: email: Enter a valid email address."), first.err());
        assertTrue(first.out().contains("4 imported, 1 already present, 1 invalid, 1 object(s) without fields.password ignored; "
                + "1 must reset their password"), first.out());
        assertTrue(first.out().contains(social + " has no password Gatehouse can check (an unusable password)"), first.out());
        assertFalse((first.out() + first.err()).contains("seasalt"), "no hash is ever printed");

        User imported = stored(ada);
        assertEquals(HUNTER2, imported.passwordHash().phc(), "kept as Django wrote it until the first login");
        assertEquals(Instant.parse("2021-06-01T08:30:00.123Z"), imported.dateJoined());
        assertEquals(Instant.parse("2024-12-24T18:00:00Z"), imported.lastLogin());
        assertEquals("Ada", imported.profile().firstName());
        assertFalse(imported.isEmailVerified());

        // The first login checks PBKDF2 and stores Argon2id; the next one checks Argon2id.
        assertEquals(400, djLogin("username", "ada_" + tag, "hunter3").status());
        assertEquals(HUNTER2, stored(ada).passwordHash().phc(), "a wrong password upgrades nothing");
        Response login = djLogin("username", "ada_" + tag, "hunter2");
        assertEquals(200, login.status(), login.body());
        String upgraded = stored(ada).passwordHash().phc();
        assertTrue(upgraded.startsWith("$argon2id$"), "upgraded at the first login");
        assertEquals(200, djLogin("email", ada, "hunter2").status());
        assertEquals(upgraded, stored(ada).passwordHash().phc(), "upgraded once");
        assertEquals(400, djLogin("email", ada, "hunter3").status());

        Response admin = djLogin("email", root, PASSWORD);
        assertEquals(200, admin.status(), admin.body());
        assertEquals("admin", get("/api/auth/me", "Authorization", bearer(admin.string("access"))).map().get("role"));
        assertEquals(Map.of("non_field_errors", List.of("User account is disabled.")), djLogin("email", gone, "hunter2").map());
        assertEquals(400, djLogin("email", social, "hunter2").status(), "an unusable password never verifies");
        assertTrue(stored(present).passwordHash().phc().startsWith("$argon2id$"), "the existing account is untouched");

        Run again = importFile("[" + djangoUser(1, "ada_" + tag, ada, HUNTER2, true, false, null) + "]", "--mark-verified");
        assertEquals(ImportDjangoUsersCommand.OK, again.exit(), again.out() + again.err());
        assertTrue(again.out().contains("0 imported, 1 already present, 0 invalid"), again.out());
        assertEquals(upgraded, stored(ada).passwordHash().phc(), "a re-run changes nothing");
    }

    @Test
    void markVerifiedAndNaiveDatesAreHonoured() {
        String email = "naive-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String dump = "[" + djangoUser(9, "", email, HUNTER2, true, false, null).replace("2021-06-01T08:30:00.123Z", "2020-01-02T03:04:05")
                + "]";
        Run run = importFile(dump, "--mark-verified");
        assertEquals(ImportDjangoUsersCommand.OK, run.exit(), run.out() + run.err());
        User user = stored(email);
        assertTrue(user.isEmailVerified());
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), user.dateJoined(), "a naive time (USE_TZ off) is UTC");
        assertEquals(null, user.username(), "a blank username means none");
    }

    @Test
    void misuseExitsTwo() {
        assertEquals(ImportDjangoUsersCommand.USAGE, run(List.of()).exit());
        assertEquals(ImportDjangoUsersCommand.USAGE, run(List.of("--file")).exit());
        assertEquals(ImportDjangoUsersCommand.USAGE, run(List.of("--file", dir.resolve("missing.json").toString())).exit());
        assertEquals(ImportDjangoUsersCommand.USAGE, run(List.of("--bogus")).exit());
        assertEquals(ImportDjangoUsersCommand.USAGE, importFile("{\"not\": \"a list\"}").exit());
        assertEquals(ImportDjangoUsersCommand.USAGE, importFile("not json at all").exit());
        Run help = run(List.of("--help"));
        assertEquals(ImportDjangoUsersCommand.OK, help.exit());
        assertTrue(help.out().contains("dumpdata auth.user"), help.out());
    }
}
