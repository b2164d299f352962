package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnumerationFloorTest {
    private static final Duration FLOOR = Duration.ofMillis(120);
    private final EnumerationFloor floor = new EnumerationFloor(FLOOR);

    private static long millisOf(Runnable run) {
        long started = System.nanoTime();
        run.run();
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    @Test
    void anAnswerThatMustNotRevealAnythingTakesAtLeastTheFloor() {
        assertTrue(millisOf(() -> assertEquals("same", floor.around(() -> "same", r -> true))) >= FLOOR.toMillis());
    }

    @Test
    void aFailureWaitsToo() {
        assertTrue(millisOf(() -> assertThrows(IllegalStateException.class, () -> floor.around(() -> {
            throw new IllegalStateException("refused");
        }, r -> false))) >= FLOOR.toMillis(), "a refusal must not answer faster than a success");
    }

    @Test
    void aResultTheFloorDoesNotApplyToIsNotDelayed() {
        assertTrue(millisOf(() -> floor.around(() -> "tokens", r -> false)) < FLOOR.toMillis());
    }

    @Test
    void aNegativeFloorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EnumerationFloor(Duration.ofMillis(-1)));
    }
}
