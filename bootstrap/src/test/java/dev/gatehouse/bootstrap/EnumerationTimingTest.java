package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.application.settings.VerificationMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Known and unknown accounts give the same status, body and timing. Tolerance: the medians of 15
 * requests each differ by less than 40 ms (login's cost is one Argon2id hash, about 25–50 ms here;
 * reset and resend are held to a 400 ms floor).
 */
@MicronautTest(transactional = false)
class EnumerationTimingTest extends HttpTest {
    private static final long TOLERANCE_MS = 40;
    private static final int SAMPLES = 15;

    @Test
    void passwordResetAndResendTakeTheSameTimeForEveryAddress() {
        String known = uniqueEmail();
        register(known);
        compare("password/reset", () -> postJson("/api/auth/password/reset", Map.of("email", known)),
                () -> postJson("/api/auth/password/reset", Map.of("email", "nobody-" + uniqueEmail())));
        compare("verify-email/resend", () -> postJson("/api/auth/verify-email/resend", Map.of("email", known)),
                () -> postJson("/api/auth/verify-email/resend", Map.of("email", "nobody-" + uniqueEmail())));
    }

    @Test
    void wrongPasswordAndUnknownAccountTakeTheSameTime() {
        List<String> knowns = new ArrayList<>();
        for (int i = 0; i <= SAMPLES; i++) { // one more for the warm-up
            String email = uniqueEmail();
            register(email);
            knowns.add(email);
        }
        java.util.Iterator<String> next = knowns.iterator();
        compare("login", () -> postJson("/api/auth/login", Map.of("email", next.next(), "password", "not the password")),
                () -> postJson("/api/auth/login", Map.of("email", "nobody-" + uniqueEmail(), "password", "not the password")));
    }

    @Test
    void mandatoryModeRegistrationTakesTheSameTimeForTakenAndFreeAddresses() {
        tune(t -> new Tunables(t.accessTokenTtl(), t.refreshTokenTtl(), t.refreshReuseGrace(), VerificationMode.MANDATORY,
                t.passwordMinLength(), t.rateLimits()));
        try {
            String taken = uniqueEmail();
            assertEquals(201, postJson("/api/auth/register", Map.of("email", taken, "password", PASSWORD)).status());
            compare("register (mandatory)", () -> postJson("/api/auth/register", Map.of("email", taken, "password", PASSWORD)),
                    () -> postJson("/api/auth/register", Map.of("email", uniqueEmail(), "password", PASSWORD)));
        } finally {
            tune(t -> TEST_DEFAULTS);
        }
    }

    private void compare(String what, Supplier<Response> known, Supplier<Response> unknown) {
        known.get();
        unknown.get(); // warm both paths
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        String knownBody = null;
        String unknownBody = null;
        for (int i = 0; i < SAMPLES; i++) {
            long t0 = System.nanoTime();
            Response k = known.get();
            knownTimes.add(System.nanoTime() - t0);
            long t1 = System.nanoTime();
            Response u = unknown.get();
            unknownTimes.add(System.nanoTime() - t1);
            assertEquals(k.status(), u.status(), what);
            knownBody = k.body();
            unknownBody = u.body();
        }
        assertEquals(knownBody, unknownBody, what + ": identical bodies");
        long difference = Math.abs(median(knownTimes) - median(unknownTimes)) / 1_000_000;
        System.out.printf("[timing] %s: known %d ms, unknown %d ms (median of %d)%n", what, median(knownTimes) / 1_000_000,
                median(unknownTimes) / 1_000_000, SAMPLES);
        assertTrue(difference < TOLERANCE_MS, what + ": medians differ by " + difference + " ms");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
