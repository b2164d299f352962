package dev.gatehouse.application.service;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Makes answers that must not reveal whether an account exists take the same time: the work runs,
 * then the caller waits until a fixed floor has passed (AUTH_ENUMERATION_FLOOR, default 400 ms, well
 * above the work itself). Failures that are the same for every address (rate limits, policy) wait
 * too. Held by the use cases themselves, so every dialect gets the same timing without knowing of it.
 * On virtual threads the wait costs nothing but the delay.
 */
public final class EnumerationFloor {
    /** No floor: for unit tests of the use cases, where time is not what is tested. */
    public static final EnumerationFloor NONE = new EnumerationFloor(Duration.ZERO);

    private final Duration floor;

    public EnumerationFloor(Duration floor) {
        if (floor.isNegative()) {
            throw new IllegalArgumentException("the enumeration floor must not be negative");
        }
        this.floor = floor;
    }

    /** Runs {@code work}; waits out the floor when it fails or when {@code applies} says its result must. */
    public <T> T around(Supplier<T> work, Predicate<T> applies) {
        long started = System.nanoTime();
        boolean wait = true;
        try {
            T result = work.get();
            wait = applies.test(result);
            return result;
        } finally {
            if (wait) {
                waitOut(started);
            }
        }
    }

    /** Runs {@code work} and always waits out the floor. */
    public void around(Runnable work) {
        around(() -> {
            work.run();
            return null;
        }, done -> true);
    }

    private void waitOut(long started) {
        long remaining = floor.toNanos() - (System.nanoTime() - started);
        if (remaining > 0) {
            try {
                Thread.sleep(Duration.ofNanos(remaining));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Duration duration() {
        return floor;
    }
}
