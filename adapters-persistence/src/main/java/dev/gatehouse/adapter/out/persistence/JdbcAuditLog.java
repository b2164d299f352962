package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Singleton
public final class JdbcAuditLog implements AuditLog {
    private final PgSql sql;

    JdbcAuditLog(PgSql sql) {
        this.sql = sql;
    }

    @Override
    public void record(AuditEvent event) {
        sql.update("INSERT INTO audit_events (occurred_at, type, user_id, actor_id, ip, detail) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            PgSql.setInstant(ps, 1, event.occurredAt());
            ps.setString(2, event.type().name());
            ps.setObject(3, event.user() == null ? null : event.user().value(), java.sql.Types.OTHER);
            ps.setObject(4, event.actor() == null ? null : event.actor().value(), java.sql.Types.OTHER);
            ps.setString(5, event.ip());
            ps.setString(6, event.detail());
        });
    }

    @Override
    public void forgetClientAddresses(UserId user) {
        sql.update("UPDATE audit_events SET ip = NULL WHERE user_id = ? AND ip IS NOT NULL",
                ps -> ps.setObject(1, user.value(), java.sql.Types.OTHER));
    }

    @Override
    public Page find(Query query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (query.user() != null) {
            where.append(" AND user_id = ?");
            args.add(query.user().value());
        }
        if (query.type() != null) {
            where.append(" AND type = ?");
            args.add(query.type().name());
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(java.time.OffsetDateTime.ofInstant(query.from(), java.time.ZoneOffset.UTC));
        }
        if (query.until() != null) {
            where.append(" AND occurred_at < ?");
            args.add(java.time.OffsetDateTime.ofInstant(query.until(), java.time.ZoneOffset.UTC));
        }
        long total = sql.one("SELECT count(*) FROM audit_events" + where, ps -> bind(ps, args), rs -> rs.getLong(1)).orElse(0L);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<AuditEvent> items = sql.list("SELECT id, occurred_at, type, user_id, actor_id, ip, detail FROM audit_events" + where
                + " ORDER BY id DESC LIMIT ? OFFSET ?", ps -> bind(ps, pageArgs), JdbcAuditLog::map);
        return new Page(items, total);
    }

    private static void bind(java.sql.PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static AuditEvent map(ResultSet rs) throws SQLException {
        UUID user = PgSql.uuid(rs, "user_id");
        UUID actor = PgSql.uuid(rs, "actor_id");
        return new AuditEvent(rs.getLong("id"), PgSql.instant(rs, "occurred_at"), AuditEvent.Type.valueOf(rs.getString("type")),
                user == null ? null : new UserId(user), actor == null ? null : new UserId(actor), rs.getString("ip"),
                rs.getString("detail"));
    }
}
