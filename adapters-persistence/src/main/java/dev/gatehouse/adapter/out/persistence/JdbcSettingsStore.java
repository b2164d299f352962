package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.SettingsStore;
import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

@Singleton
public final class JdbcSettingsStore implements SettingsStore {
    private static final String COLUMNS = "access_token_ttl_seconds, refresh_token_ttl_seconds, refresh_reuse_grace_seconds, "
            + "verification_mode, password_min_length, login_max_failures, lockout_seconds, login_per_address_per_minute, "
            + "mail_per_address_per_hour, mail_per_client_per_hour, token_guesses_per_client_per_hour, "
            + "registrations_per_client_per_hour";

    private final PgSql sql;

    JdbcSettingsStore(PgSql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Stored> load() {
        return sql.one("SELECT " + COLUMNS + ", version, updated_at FROM runtime_settings WHERE id = 1", ps -> { },
                JdbcSettingsStore::map);
    }

    @Override
    public Stored initialise(Tunables defaults, Instant now) {
        sql.update("INSERT INTO runtime_settings (id, " + COLUMNS + ", version, updated_at) "
                + "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (id) DO NOTHING", ps -> {
            int next = bind(ps, 1, defaults);
            PgSql.setInstant(ps, next, now);
        });
        return load().orElseThrow();
    }

    @Override
    public Optional<Stored> save(Tunables tunables, long expectedVersion, UserId by, Instant now) {
        // One statement: the version check and the write cannot be split by another instance's write.
        return sql.one("UPDATE runtime_settings SET (" + COLUMNS + ", version, updated_at, updated_by) = "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, version + 1, ?, ?) WHERE id = 1 AND version = ? "
                        + "RETURNING " + COLUMNS + ", version, updated_at",
                ps -> {
                    int next = bind(ps, 1, tunables);
                    PgSql.setInstant(ps, next, now);
                    ps.setObject(next + 1, by == null ? null : by.value(), java.sql.Types.OTHER);
                    ps.setLong(next + 2, expectedVersion);
                }, JdbcSettingsStore::map);
    }

    private static int bind(PreparedStatement ps, int i, Tunables t) throws SQLException {
        RateLimits l = t.rateLimits();
        ps.setInt(i, (int) t.accessTokenTtl().toSeconds());
        ps.setInt(i + 1, (int) t.refreshTokenTtl().toSeconds());
        ps.setInt(i + 2, (int) t.refreshReuseGrace().toSeconds());
        ps.setString(i + 3, t.verificationMode().name());
        ps.setInt(i + 4, t.passwordMinLength());
        ps.setInt(i + 5, l.loginMaxFailures());
        ps.setInt(i + 6, (int) l.lockout().toSeconds());
        ps.setInt(i + 7, l.loginPerAddressPerMinute());
        ps.setInt(i + 8, l.mailPerAddressPerHour());
        ps.setInt(i + 9, l.mailPerClientPerHour());
        ps.setInt(i + 10, l.tokenGuessesPerClientPerHour());
        ps.setInt(i + 11, l.registrationsPerClientPerHour());
        return i + 12;
    }

    private static Stored map(ResultSet rs) throws SQLException {
        RateLimits limits = new RateLimits(rs.getInt("login_max_failures"), Duration.ofSeconds(rs.getInt("lockout_seconds")),
                rs.getInt("login_per_address_per_minute"), rs.getInt("mail_per_address_per_hour"),
                rs.getInt("mail_per_client_per_hour"), rs.getInt("token_guesses_per_client_per_hour"),
                rs.getInt("registrations_per_client_per_hour"));
        Tunables tunables = new Tunables(Duration.ofSeconds(rs.getInt("access_token_ttl_seconds")),
                Duration.ofSeconds(rs.getInt("refresh_token_ttl_seconds")), Duration.ofSeconds(rs.getInt("refresh_reuse_grace_seconds")),
                VerificationMode.valueOf(rs.getString("verification_mode")), rs.getInt("password_min_length"), limits);
        return new Stored(tunables, rs.getLong("version"), PgSql.instant(rs, "updated_at"));
    }
}
