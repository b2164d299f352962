package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.RateLimiter;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * One upsert per hit: {@code ON CONFLICT DO UPDATE} takes the row lock, so concurrent hits on one
 * key are applied one after the other and every one is counted.
 */
@Singleton
public final class JdbcRateLimiter implements RateLimiter {
    private final PgSql sql;

    JdbcRateLimiter(PgSql sql) {
        this.sql = sql;
    }

    @Override
    public Count hit(String key, Duration window, Instant now) {
        return sql.one("INSERT INTO rate_limits AS r (key, window_start, window_end, hits) VALUES (?, ?, ?, 1) "
                        + "ON CONFLICT (key) DO UPDATE SET "
                        + "hits = CASE WHEN r.window_end <= EXCLUDED.window_start THEN 1 ELSE r.hits + 1 END, "
                        + "window_end = CASE WHEN r.window_end <= EXCLUDED.window_start THEN EXCLUDED.window_end ELSE r.window_end END, "
                        + "window_start = CASE WHEN r.window_end <= EXCLUDED.window_start THEN EXCLUDED.window_start ELSE r.window_start END "
                        + "RETURNING hits, window_end",
                ps -> {
                    ps.setString(1, key);
                    PgSql.setInstant(ps, 2, now);
                    PgSql.setInstant(ps, 3, now.plus(window));
                },
                rs -> new Count(rs.getInt("hits"), PgSql.instant(rs, "window_end"))).orElseThrow();
    }

    @Override
    public void reset(String key) {
        sql.update("DELETE FROM rate_limits WHERE key = ?", ps -> ps.setString(1, key));
    }

    @Override
    public int purge(Instant before) {
        return sql.update("DELETE FROM rate_limits WHERE window_end < ?", ps -> PgSql.setInstant(ps, 1, before));
    }
}
