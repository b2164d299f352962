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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import dev.gatehouse.application.error.SettingsConflictException;
import dev.gatehouse.application.error.SettingsRejectedException;
import dev.gatehouse.application.port.in.ManageSettingsUseCase.Setting;
import dev.gatehouse.application.port.in.ManageSettingsUseCase.SettingsChange;

/**
 * The settings every use case reads: the configured base with the tunables from the database on
 * top. Each instance re-reads the row on a schedule of its own ({@link #refreshNow()}, every
 * {@code auth.settings-refresh}), so a change reaches every instance within seconds, without a restart
 * and without a message bus. A request never waits for that read: during a database outage it would
 * wait for the pool's connection timeout once for the settings and again for its own query. When the
 * database cannot be read the last known settings stay in force.
 */
public final class RuntimeSettingsService implements SettingsSource, ManageSettingsUseCase {
    private record Snapshot(AuthSettings settings, long version, Instant updatedAt, Instant loadedAt) {
    }

    private final AuthSettings base;
    private final SettingsStore store;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public RuntimeSettingsService(AuthSettings base, SettingsStore store, AuditLog audit, Clock clock) {
        this.base = base;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Seeds the row from configuration the first time any instance starts, and loads it. */
    public void initialise() {
        Instant now = clock.instant();
        SettingsStore.Stored stored = store.initialise(Tunables.of(base), now);
        snapshot = new Snapshot(stored.tunables().applyTo(base), stored.version(), stored.updatedAt(), now);
    }

    /** Reads the stored settings now: the scheduled refresh, and tests that cannot wait for it. */
    public AuthSettings refreshNow() {
        return refresh(snapshot, clock.instant()).settings();
    }

    @Override
    public AuthSettings current() {
        Snapshot s = snapshot;
        return s == null ? refresh(null, clock.instant()).settings() : s.settings();
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
    public CurrentSettings update(Principal admin, SettingsChange change, OptionalLong expectedVersion) {
        Admins.require(admin);
        Instant now = clock.instant();
        // A compare-and-set on the version: a change is applied to exactly the values it was checked
        // against. Without an expected version, a write that lost a race is merged again once.
        for (int attempt = 0; ; attempt++) {
            SettingsStore.Stored current = store.load().orElseGet(() -> store.initialise(Tunables.of(base), now));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw new SettingsConflictException(expectedVersion.getAsLong(), current.version());
            }
            Tunables next = checked(change, current.tunables());
            AuthSettings applied = next.applyTo(base);
            var stored = store.save(next, current.version(), admin.user().id(), now);
            if (stored.isPresent()) {
                audit.record(AuditEvent.of(now, AuditEvent.Type.SETTINGS_CHANGED, null, admin.user().id(), null,
                        describe(current.tunables(), next)));
                snapshot = new Snapshot(applied, stored.get().version(), stored.get().updatedAt(), now);
                return new CurrentSettings(stored.get().tunables(), stored.get().version(), stored.get().updatedAt());
            }
            if (expectedVersion.isPresent() || attempt > 0) {
                long now2 = store.load().map(SettingsStore.Stored::version).orElse(current.version());
                throw new SettingsConflictException(expectedVersion.orElse(current.version()), now2);
            }
        }
    }

    /** The change applied to the stored values, every bound checked and each broken one named by its setting. */
    private Tunables checked(SettingsChange change, Tunables current) {
        Map<Setting, String> problems = new EnumMap<>(Setting.class);
        Tunables next;
        try {
            next = change.applyTo(current);
        } catch (IllegalArgumentException limits) {
            problems.put(Setting.RATE_LIMITS, limits.getMessage());
            // The other settings are still checked, so every broken one is reported at once.
            next = new ManageSettingsUseCase.SettingsChange(change.accessTokenTtl(), change.refreshTokenTtl(),
                    change.refreshReuseGrace(), change.verificationMode(), change.passwordMinLength(), null).applyTo(current);
        }
        // Each value alone on the current settings: the one source of the bounds names which value broke one.
        Tunables t = next;
        check(problems, Setting.ACCESS_TOKEN_TTL, () -> withOnly(current, t.accessTokenTtl(), null, null, null));
        check(problems, Setting.REFRESH_TOKEN_TTL, () -> withOnly(current, null, t.refreshTokenTtl(), null, null));
        check(problems, Setting.REFRESH_REUSE_GRACE, () -> withOnly(current, null, null, t.refreshReuseGrace(), null));
        check(problems, Setting.PASSWORD_MIN_LENGTH, () -> withOnly(current, null, null, null, t.passwordMinLength()));
        if (!problems.isEmpty()) {
            throw new SettingsRejectedException(problems);
        }
        return next;
    }

    private void withOnly(Tunables current, Duration access, Duration refresh, Duration grace, Integer minLength) {
        new Tunables(access == null ? current.accessTokenTtl() : access, refresh == null ? current.refreshTokenTtl() : refresh,
                grace == null ? current.refreshReuseGrace() : grace, current.verificationMode(),
                minLength == null ? current.passwordMinLength() : minLength, current.rateLimits()).applyTo(base);
    }

    private static void check(Map<Setting, String> problems, Setting setting, Runnable attempt) {
        try {
            attempt.run();
        } catch (IllegalArgumentException outOfBounds) {
            problems.put(setting, outOfBounds.getMessage());
        }
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
