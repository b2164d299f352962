package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.AdminStatistics;
import dev.gatehouse.domain.audit.AuditEvent;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Dashboard counts: a handful of aggregate queries, each on an index (audit by type and id, outbox by status). */
@Singleton
public final class JdbcAdminStatistics implements AdminStatistics {
    private final PgSql sql;

    JdbcAdminStatistics(PgSql sql) {
        this.sql = sql;
    }

    @Override
    public Accounts accounts() {
        return sql.one("SELECT count(*) AS users, count(*) FILTER (WHERE is_active) AS active FROM users", ps -> {
        }, rs -> new Accounts(rs.getLong("users"), rs.getLong("active"))).orElseThrow();
    }

    @Override
    public long activeSessions(Instant now) {
        return sql.one("SELECT count(*) FROM sessions WHERE revoked_at IS NULL AND expires_at > ?",
                ps -> PgSql.setInstant(ps, 1, now), rs -> rs.getLong(1)).orElseThrow();
    }

    @Override
    public Map<LocalDate, Long> eventsPerDay(AuditEvent.Type type, Instant from) {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        sql.list("SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM audit_events "
                        + "WHERE type = ? AND occurred_at >= ? GROUP BY day ORDER BY day",
                ps -> {
                    ps.setString(1, type.name());
                    PgSql.setInstant(ps, 2, from);
                },
                rs -> Map.entry(rs.getObject("day", LocalDate.class), rs.getLong("n")))
                .forEach(e -> days.put(e.getKey(), e.getValue()));
        return days;
    }

    @Override
    public long events(AuditEvent.Type type, Instant from) {
        return sql.one("SELECT count(*) FROM audit_events WHERE type = ? AND occurred_at >= ?", ps -> {
            ps.setString(1, type.name());
            PgSql.setInstant(ps, 2, from);
        }, rs -> rs.getLong(1)).orElseThrow();
    }

    @Override
    public Outbox outbox() {
        return sql.one("SELECT count(*) FILTER (WHERE status = 'PENDING' AND attempts = 0) AS pending, "
                        + "count(*) FILTER (WHERE status = 'PENDING' AND attempts > 0) AS retrying, "
                        + "count(*) FILTER (WHERE status = 'DEAD') AS dead FROM mail_outbox WHERE status <> 'SENT'", ps -> {
                },
                rs -> new Outbox(rs.getLong("pending"), rs.getLong("retrying"), rs.getLong("dead"))).orElseThrow();
    }
}
