package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ManageSettingsUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.port.out.SettingsStore;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.domain.audit.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings every use case reads: the configured base with the tunables from the database on
 * top. Each instance re-reads the row when its copy is older than {@code refreshAfter}, so a change
 * reaches every instance within seconds, without a restart and without a message bus. When the
 * database cannot be read the last known settings stay in force.
 */
public final class RuntimeSettingsService implements SettingsSource, ManageSettingsUseCase {
    private record Snapshot(AuthSettings settings, long version, Instant updatedAt, Instant loadedAt) {
    }

    private final AuthSettings base;
    private final SettingsStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration refreshAfter;
    private volatile Snapshot snapshot;

    public RuntimeSettingsService(AuthSettings base, SettingsStore store, AuditLog audit, Clock clock, Duration refreshAfter) {
        this.base = base;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.refreshAfter = refreshAfter;
    }

    /** Seeds the row from configuration the first time any instance starts, and loads it. */
    public void initialise() {
        Instant now = clock.instant();
        SettingsStore.Stored stored = store.initialise(Tunables.of(base), now);
        snapshot = new Snapshot(stored.tunables().applyTo(base), stored.version(), stored.updatedAt(), now);
    }

    /** Reads the stored settings now instead of at the next interval. */
    public AuthSettings refreshNow() {
        return refresh(snapshot, clock.instant()).settings();
    }

    @Override
    public AuthSettings current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || now.isAfter(s.loadedAt().plus(refreshAfter))) {
            s = refresh(s, now);
        }
        return s.settings();
    }

    private synchronized Snapshot refresh(Snapshot seen, Instant now) {
        if (snapshot != seen) {
            return snapshot; // another thread refreshed meanwhile
        }
        try {
            Snapshot fresh = store.load()
                    .map(stored -> new Snapshot(stored.tunables().applyTo(base), stored.version(), stored.updatedAt(), now))
                    .orElseGet(() -> new Snapshot(base, 0, now, now));
            snapshot = fresh;
            return fresh;
        } catch (RuntimeException unavailable) {
            // Keep serving with what we have; try again after another interval.
            Snapshot stale = seen == null ? new Snapshot(base, 0, now, now)
                    : new Snapshot(seen.settings(), seen.version(), seen.updatedAt(), now);
            snapshot = stale;
            return stale;
        }
    }

    @Override
    public CurrentSettings get(Principal admin) {
        Admins.require(admin);
        SettingsStore.Stored stored = store.load().orElseGet(() -> store.initialise(Tunables.of(base), clock.instant()));
        return new CurrentSettings(stored.tunables(), stored.version(), stored.updatedAt());
    }

    @Override
    public CurrentSettings update(Principal admin, Tunables tunables) {
        Admins.require(admin);
        AuthSettings applied = tunables.applyTo(base); // throws IllegalArgumentException on a bound
        Instant now = clock.instant();
        Tunables before = Tunables.of(current());
        SettingsStore.Stored stored = store.save(tunables, admin.user().id(), now);
        audit.record(AuditEvent.of(now, AuditEvent.Type.SETTINGS_CHANGED, null, admin.user().id(), null,
                describe(before, tunables)));
        snapshot = new Snapshot(applied, stored.version(), stored.updatedAt(), now);
        return new CurrentSettings(stored.tunables(), stored.version(), stored.updatedAt());
    }

    private static String describe(Tunables before, Tunables after) {
        List<String> changes = new ArrayList<>();
        if (!before.accessTokenTtl().equals(after.accessTokenTtl())) {
            changes.add("access_token_ttl " + before.accessTokenTtl() + " -> " + after.accessTokenTtl());
        }
        if (!before.refreshTokenTtl().equals(after.refreshTokenTtl())) {
            changes.add("refresh_token_ttl " + before.refreshTokenTtl() + " -> " + after.refreshTokenTtl());
        }
        if (!before.refreshReuseGrace().equals(after.refreshReuseGrace())) {
            changes.add("refresh_reuse_grace " + before.refreshReuseGrace() + " -> " + after.refreshReuseGrace());
        }
        if (before.verificationMode() != after.verificationMode()) {
            changes.add("verification_mode " + before.verificationMode() + " -> " + after.verificationMode());
        }
        if (before.passwordMinLength() != after.passwordMinLength()) {
            changes.add("password_min_length " + before.passwordMinLength() + " -> " + after.passwordMinLength());
        }
        if (!before.rateLimits().equals(after.rateLimits())) {
            changes.add("rate_limits " + before.rateLimits() + " -> " + after.rateLimits());
        }
        return changes.isEmpty() ? "no change" : String.join("; ", changes);
    }
}
