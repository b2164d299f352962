package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.adapter.out.persistence.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API routes added with the console: dashboard, a user's sessions, reset mail, keys, outbox. */
@MicronautTest(transactional = false)
class AdminOperationsEndToEndTest extends HttpTest {
    @Test
    void theNewRoutesAreForAdminsOnly() {
        Response viewer = register(uniqueEmail());
        String id = (String) ((Map<?, ?>) viewer.map().get("user")).get("id");
        for (String[] route : new String[][] {{"GET", "/api/admin/dashboard"}, {"GET", "/api/admin/users/" + id + "/sessions"},
                {"POST", "/api/admin/users/" + id + "/password-reset"}, {"GET", "/api/admin/keys"}, {"GET", "/api/admin/outbox"},
                {"POST", "/api/admin/outbox/1/retry"}, {"DELETE", "/api/admin/users/" + id + "/sessions/" + id}}) {
            assertProblem(send(route[0], route[1], null, null), 401, "not_authenticated");
            assertProblem(send(route[0], route[1], null, null, "Authorization", bearer(viewer.string("access"))), 403, "permission_denied");
        }
    }

    @Test
    void dashboardCountsSignInsAndFailures() {
        String admin = bearer(adminToken());
        Map<String, Object> before = get("/api/admin/dashboard", "Authorization", admin).map();
        String email = uniqueEmail();
        register(email);
        postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        postJson("/api/auth/login", Map.of("email", email, "password", "wrong password here"));
        Response after = get("/api/admin/dashboard", "Authorization", admin);
        assertEquals(200, after.status(), after.body());
        Map<String, Object> now = after.map();
        assertEquals(number(before, "users") + 1, number(now, "users"));
        assertEquals(number(before, "sign_ins_24h") + 1, number(now, "sign_ins_24h"));
        assertEquals(number(before, "failures_24h") + 1, number(now, "failures_24h"));
        assertTrue(number(now, "active_sessions") >= 3, "two for the user, one for the admin");
        List<?> days = (List<?>) now.get("sign_ins_per_day");
        assertEquals(30, days.size());
        assertEquals(number(now, "sign_ins_30d"), days.stream().mapToLong(d -> ((Number) ((Map<?, ?>) d).get("count")).longValue()).sum());
    }

    private static long number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

    @Test
    void aUsersSessionsAreListedAndEndedOneByOne() {
        String admin = bearer(adminToken());
        String email = uniqueEmail();
        Response first = register(email);
        String id = (String) ((Map<?, ?>) first.map().get("user")).get("id");
        Response second = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        List<Map<String, Object>> sessions = get("/api/admin/users/" + id + "/sessions", "Authorization", admin).list();
        assertEquals(2, sessions.size());
        String newest = (String) sessions.getFirst().get("id");
        assertEquals(204, send("DELETE", "/api/admin/users/" + id + "/sessions/" + newest, null, null, "Authorization", admin).status());
        assertProblem(postJson("/api/auth/refresh", Map.of("refresh", second.string("refresh"))), 401, "token_not_valid");
        assertEquals(200, postJson("/api/auth/refresh", Map.of("refresh", first.string("refresh"))).status(), "the other one lives");
        assertProblem(send("DELETE", "/api/admin/users/" + id + "/sessions/" + newest, null, null, "Authorization", admin), 404, "not_found");
        Response events = get("/api/admin/audit?user=" + id + "&type=session_revoked", "Authorization", admin);
        assertEquals(1, ((List<?>) events.map().get("items")).size());
    }

    @Test
    void usersSortAndAuditFiltersByTime() {
        String admin = bearer(adminToken());
        String marker = "srt" + uniqueEmail().substring(5, 13);
        register("b" + marker + "@example.com");
        register("a" + marker + "@example.com");
        register("c" + marker + "@example.com");
        postJson("/api/auth/login", Map.of("email", "c" + marker + "@example.com", "password", PASSWORD));
        assertEquals(List.of("a", "b", "c"), firstLetters(get("/api/admin/users?sort=email&query=" + marker, "Authorization", admin)));
        assertEquals(List.of("b", "a", "c"), firstLetters(get("/api/admin/users?sort=oldest&query=" + marker, "Authorization", admin)));
        assertEquals(List.of("c", "a", "b"), firstLetters(get("/api/admin/users?query=" + marker, "Authorization", admin)));
        assertEquals("c", firstLetters(get("/api/admin/users?sort=last_login&query=" + marker, "Authorization", admin)).getFirst(),
                "every registration signs in; the last sign-in was c's login");
        assertProblem(get("/api/admin/users?sort=age", "Authorization", admin), 400, "validation_failed");

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        long all = ((Number) get("/api/admin/audit?type=registration", "Authorization", admin).map().get("total")).longValue();
        long fromToday = ((Number) get("/api/admin/audit?type=registration&from=" + today, "Authorization", admin).map().get("total")).longValue();
        long future = ((Number) get("/api/admin/audit?type=registration&from=" + tomorrow, "Authorization", admin).map().get("total")).longValue();
        long past = ((Number) get("/api/admin/audit?type=registration&until=" + today, "Authorization", admin).map().get("total")).longValue();
        assertTrue(fromToday >= 3);
        assertEquals(0, future);
        assertEquals(all, fromToday + past);
        Response bad = get("/api/admin/audit?from=yesterday", "Authorization", admin);
        assertProblem(bad, 400, "validation_failed");
        assertTrue(bad.errors().containsKey("from"));
    }

    private static List<String> firstLetters(Response page) {
        return ((List<?>) page.map().get("items")).stream().map(u -> ((String) ((Map<?, ?>) u).get("email")).substring(0, 1)).toList();
    }

    @Test
    void keysAreListedWithTheirState() {
        String admin = bearer(adminToken());
        String kid = postJson("/api/admin/keys/rotate", Map.of(), "Authorization", admin).string("kid");
        List<Map<String, Object>> keys = get("/api/admin/keys", "Authorization", admin).list();
        // Found by kid, not by position: other test classes share this database and some run on a moved clock,
        // so creation times are not in rotation order here.
        Map<String, Object> rotated = keys.stream().filter(k -> kid.equals(k.get("kid"))).findFirst().orElseThrow();
        assertEquals("active", rotated.get("state"));
        assertEquals(1, keys.stream().filter(k -> "active".equals(k.get("state"))).count(), "one key signs");
        assertTrue(keys.stream().anyMatch(k -> "published".equals(k.get("state")) && k.get("retired_at") instanceof String),
                "the key it replaced stays published, with its retirement time");
        assertTrue(keys.stream().noneMatch(k -> k.containsKey("private_key") || k.containsKey("d")));
    }

    @Test
    void aDeadMailIsSentAfreshWithANewLink() throws Exception {
        String admin = bearer(adminToken());
        String email = uniqueEmail();
        String id = (String) ((Map<?, ?>) register(email).map().get("user")).get("id");
        assertEquals(202, post("/api/admin/users/" + id + "/password-reset", null, "Authorization", admin).status());
        long mailId;
        Map<String, String> db = TestDatabase.properties();
        try (Connection c = DriverManager.getConnection(db.get("datasources.default.url"), db.get("datasources.default.username"),
                db.get("datasources.default.password"));
             PreparedStatement find = c.prepareStatement("SELECT max(id) FROM mail_outbox WHERE recipient = ? AND template = 'PASSWORD_RESET'")) {
            find.setString(1, email);
            try (ResultSet rs = find.executeQuery()) {
                rs.next();
                mailId = rs.getLong(1);
            }
            // As the dispatcher leaves a mail it gave up on: dead, its content erased.
            try (PreparedStatement kill = c.prepareStatement(
                    "UPDATE mail_outbox SET status = 'DEAD', parameters = NULL, last_error = 'relay said no' WHERE id = ?")) {
                kill.setLong(1, mailId);
                kill.executeUpdate();
            }
        }
        Response dead = get("/api/admin/outbox?state=dead&size=100", "Authorization", admin);
        assertTrue(((List<?>) dead.map().get("items")).stream().map(m -> (Map<?, ?>) m)
                .anyMatch(m -> ((Number) m.get("id")).longValue() == mailId && "relay said no".equals(m.get("last_error"))), dead.body());
        assertEquals(202, post("/api/admin/outbox/" + mailId + "/retry", null, "Authorization", admin).status());
        assertProblem(post("/api/admin/outbox/" + mailId + "/retry", null, "Authorization", admin), 404, "not_found");
        Response all = get("/api/admin/outbox?size=100", "Authorization", admin);
        List<Map<?, ?>> mine = ((List<?>) all.map().get("items")).stream().<Map<?, ?>>map(m -> (Map<?, ?>) m)
                .filter(m -> email.equals(m.get("recipient"))).toList();
        assertEquals(2, mine.size(), "the verification mail and the fresh reset mail: " + mine);
        assertTrue(mine.stream().noneMatch(m -> ((Number) m.get("id")).longValue() == mailId));
        Response events = get("/api/admin/audit?user=" + id + "&type=admin_mail_retried", "Authorization", admin);
        assertEquals(1, ((List<?>) events.map().get("items")).size());
        assertProblem(get("/api/admin/outbox?state=lost", "Authorization", admin), 400, "validation_failed");
    }
}
