package dev.gatehouse.adapter.in.rest;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Makes answers that must not reveal whether an account exists take the same time: the work runs,
 * then the response waits until a fixed floor has passed (AUTH_ENUMERATION_FLOOR, default 400 ms,
 * well above the work itself). On virtual threads the wait costs nothing but the delay. Failures
 * that are the same for every address (validation, rate limits) wait too.
 */
// @Context: a malformed setting stops the service at start-up, not at the first request.
@Context
public final class ResponseFloor {
    private final Duration floor;

    public ResponseFloor(@Value("${auth.enumeration-floor:400ms}") Duration floor) {
        this.floor = floor;
    }

    public <T> T around(Supplier<T> work, Predicate<T> applies) {
        long started = System.nanoTime();
        boolean wait = true;
        try {
            T result = work.get();
            wait = applies.test(result);
            return result;
        } finally {
            if (wait) {
                long remaining = floor.toNanos() - (System.nanoTime() - started);
                if (remaining > 0) {
                    try {
                        Thread.sleep(Duration.ofNanos(remaining));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }
}
