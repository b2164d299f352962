package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.adapter.out.persistence.TestDatabase;
import dev.gatehouse.application.settings.RateLimits;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guessing passwords: counted exactly under concurrency, the same for unknown accounts, never a lock-out from reset. */
@MicronautTest(transactional = false)
class BruteForceEndToEndTest extends HttpTest {
    private static final int MAX_FAILURES = 5;
    private final Mailbox mailbox = new Mailbox();

    @Override
    Map<String, String> extraProperties() {
        return new HashMap<>(mailbox.smtpProperties());
    }

    @BeforeAll
    void strictAccountLimits() {
        tune(t -> withLimits(t, new RateLimits(MAX_FAILURES, Duration.ofMinutes(15), 100_000, 1_000, 100_000, 100_000, 100_000)));
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    @Test
    void parallelGuessesAreCountedExactlyAndOnlyFiveArePasswordChecked() throws Exception {
        String email = uniqueEmail();
        register(email);
        int attackers = 20;
        List<Response> responses = race(attackers, () -> postJson("/api/auth/login", Map.of("email", email, "password", "guess " + Math.random())));

        long unauthorized = responses.stream().filter(r -> r.status() == 401).count();
        long limited = responses.stream().filter(r -> r.status() == 429).count();
        assertEquals(MAX_FAILURES, unauthorized, "exactly the allowed number of guesses were checked");
        assertEquals(attackers - MAX_FAILURES, limited);
        responses.stream().filter(r -> r.status() == 429).forEach(r -> {
            assertProblem(r, 429, "rate_limited");
            long retryAfter = Long.parseLong(r.headers().firstValue("retry-after").orElseThrow());
            assertTrue(retryAfter > 0 && retryAfter <= 901, "Retry-After " + retryAfter);
        });
        assertEquals(attackers, hitsOfAccountCounter(email), "every attempt counted, none lost");

        Response correct = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertProblem(correct, 429, "rate_limited");
    }

    @Test
    void unknownAccountsLockExactlyLikeKnownOnes() throws Exception {
        String known = uniqueEmail();
        register(known);
        String unknown = "nobody-" + uniqueEmail();
        List<Integer> knownStatuses = new ArrayList<>();
        List<Integer> unknownStatuses = new ArrayList<>();
        for (int i = 0; i < MAX_FAILURES + 2; i++) {
            knownStatuses.add(postJson("/api/auth/login", Map.of("email", known, "password", "wrong guess")).status());
            unknownStatuses.add(postJson("/api/auth/login", Map.of("email", unknown, "password", "wrong guess")).status());
        }
        assertEquals(knownStatuses, unknownStatuses);
        assertEquals(List.of(401, 401, 401, 401, 401, 429, 429), knownStatuses);
    }

    @Test
    void aLockedAccountCanStillResetItsPassword() {
        String email = uniqueEmail();
        register(email);
        mailbox.await(email, 1);
        for (int i = 0; i <= MAX_FAILURES; i++) {
            postJson("/api/auth/login", Map.of("email", email, "password", "wrong guess"));
        }
        assertProblem(postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)), 429, "rate_limited");

        assertEquals(202, postJson("/api/auth/password/reset", Map.of("email", email)).status());
        String token = mailbox.await(email, 2).token();
        Response reset = postJson("/api/auth/password/reset/confirm", Map.of("token", token, "new_password", "a brand new passphrase"));
        assertEquals(200, reset.status(), reset.body());
        assertEquals(200, get("/api/auth/me", "Authorization", bearer(reset.string("access"))).status());
    }

    @Test
    void successResetsTheFailureCount() {
        String email = uniqueEmail();
        register(email);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < MAX_FAILURES - 1; i++) {
                assertEquals(401, postJson("/api/auth/login", Map.of("email", email, "password", "wrong guess")).status());
            }
            assertEquals(200, postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD)).status());
        }
    }

    @Test
    void perAddressLimitsIgnoreForgedForwardedHeaders() {
        tune(t -> withLimits(t, new RateLimits(MAX_FAILURES, Duration.ofMinutes(15), 8, 2, 100_000, 100_000, 100_000)));
        try {
            String email = uniqueEmail();
            int limited = 0;
            for (int i = 0; i < 12; i++) {
                Response r = postJson("/api/auth/login", Map.of("email", "someone" + i + "@example.com", "password", "x"),
                        "X-Forwarded-For", "198.51.100." + i);
                if (r.status() == 429) {
                    limited++;
                }
            }
            assertTrue(limited >= 4, "the client address is the socket's, whatever X-Forwarded-For claims: " + limited);

            assertEquals(202, postJson("/api/auth/password/reset", Map.of("email", email)).status());
            assertEquals(202, postJson("/api/auth/password/reset", Map.of("email", email)).status());
            assertProblem(postJson("/api/auth/password/reset", Map.of("email", email)), 429, "rate_limited");
        } finally {
            tune(t -> withLimits(t, new RateLimits(MAX_FAILURES, Duration.ofMinutes(15), 100_000, 1_000, 100_000, 100_000, 100_000)));
            clearAddressCounters();
        }
    }

    private List<Response> race(int n, java.util.concurrent.Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Connection db() throws java.sql.SQLException {
        Map<String, String> db = TestDatabase.properties();
        return DriverManager.getConnection(db.get("datasources.default.url"), db.get("datasources.default.username"),
                db.get("datasources.default.password"));
    }

    private static int hitsOfAccountCounter(String email) throws java.sql.SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT r.hits FROM rate_limits r JOIN users u ON r.key = 'login:user:' || u.id WHERE u.email_canonical = ?")) {
            ps.setString(1, email.toLowerCase());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void clearAddressCounters() {
        try (Connection c = db()) {
            c.createStatement().executeUpdate("DELETE FROM rate_limits WHERE key LIKE 'login:ip:%' OR key LIKE 'mail:%'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
