package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A settings change made on one instance is in force on another within seconds, without a restart. */
class SettingsAcrossInstancesTest {

    @Test
    void aChangeOnOneInstanceReachesTheOther() throws Exception {
        try (StandaloneServer a = new StandaloneServer(Map.of()); StandaloneServer b = new StandaloneServer(Map.of())) {
            String email = "admin-" + HttpTest.uniqueEmail();
            a.createAdmin(email);
            String admin = HttpTest.bearer(a.send("POST", "/api/auth/login",
                    "{\"email\":\"" + email + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}").string("access"));
            assertAbout(300, accessTtlOn(b), 5);

            Map<String, Object> settings = a.send("GET", "/api/admin/settings", null, "Authorization", admin).map();
            settings.put("access_token_ttl", "PT2M");
            HttpTest.Response put = a.send("PUT", "/api/admin/settings", a.write(settings), "Authorization", admin);
            assertEquals(200, put.status(), put.body());

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long ttl = accessTtlOn(b);
            while (ttl > 130 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                ttl = accessTtlOn(b);
            }
            assertTrue(ttl > 100 && ttl <= 120, "instance B issues 2-minute tokens now: " + ttl);
        }
    }

    private static long accessTtlOn(StandaloneServer server) {
        HttpTest.Response registered = server.send("POST", "/api/auth/register",
                "{\"email\":\"" + HttpTest.uniqueEmail() + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}");
        assertEquals(201, registered.status(), registered.body());
        return Duration.between(Instant.now(), Instant.parse(registered.string("access_expires_at"))).toSeconds();
    }

    private static void assertAbout(long expected, long actual, long tolerance) {
        assertTrue(Math.abs(expected - actual) <= tolerance, "expected about " + expected + ", was " + actual);
    }
}
