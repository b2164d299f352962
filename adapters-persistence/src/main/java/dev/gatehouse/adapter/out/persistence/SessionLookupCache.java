package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.SessionRepository.SessionOfUser;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.UserId;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A very short-lived cache of "session with its user", the read behind every access-token check
 * (GET /me, token/verify). A busy client presents the same token many times a second; reading the
 * session once per second instead of once per request is most of the speed of those endpoints.
 *
 * <p>Every write through this module's repositories that could change the answer (a revocation,
 * a user update) evicts the entries it touches, so on this instance a logout or a deactivation is
 * seen at once. Another instance sees it within the time to live (AUTH_SESSION_CACHE_TTL, default
 * 1 s; 0 turns the cache off).
 */
@Singleton
final class SessionLookupCache {
    private static final int MAX_ENTRIES = 100_000;

    private record Entry(SessionOfUser value, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final Map<SessionId, Entry> entries = new ConcurrentHashMap<>();

    SessionLookupCache(@Value("${auth.session-cache-ttl:1s}") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<SessionOfUser> get(SessionId id) {
        if (ttlNanos <= 0) {
            return Optional.empty();
        }
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAtNanos() > 0) {
            entries.remove(id, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(SessionId id, SessionOfUser value) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // entries live a second: starting over is cheaper than scanning on every insert
        }
        entries.put(id, new Entry(value, System.nanoTime() + ttlNanos));
    }

    void evictSession(SessionId id) {
        entries.remove(id);
    }

    void evictUser(UserId userId) {
        entries.values().removeIf(e -> e.value().user().id().equals(userId));
    }
}
