package dev.gatehouse.application.port.out;

import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window counters shared by every instance. {@link #hit} counts atomically, so concurrent
 * requests are counted exactly, never lost or double-counted.
 */
public interface RateLimiter {
    /** The count in the current window after this hit, and when the window ends. */
    record Count(int hits, Instant windowEnds) {
    }

    Count hit(String key, Duration window, Instant now);

    void reset(String key);

    /** Removes counters whose window ended before {@code before}; returns how many. */
    int purge(Instant before);
}
