package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Fixed windows in a map, with the same semantics as the PostgreSQL adapter. */
public final class InMemoryRateLimiter implements RateLimiter {
    private final Map<String, Count> counts = new HashMap<>();

    @Override
    public synchronized Count hit(String key, Duration window, Instant now) {
        Count current = counts.get(key);
        Count next = current == null || !current.windowEnds().isAfter(now)
                ? new Count(1, now.plus(window))
                : new Count(current.hits() + 1, current.windowEnds());
        counts.put(key, next);
        return next;
    }

    @Override
    public synchronized void reset(String key) {
        counts.remove(key);
    }

    @Override
    public synchronized int purge(Instant before) {
        int size = counts.size();
        counts.values().removeIf(c -> c.windowEnds().isBefore(before));
        return size - counts.size();
    }

    public synchronized int hits(String key) {
        Count count = counts.get(key);
        return count == null ? 0 : count.hits();
    }
}
