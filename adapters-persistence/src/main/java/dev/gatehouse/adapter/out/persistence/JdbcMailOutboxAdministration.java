package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.MailOutboxAdministration;
import dev.gatehouse.application.port.out.MailOutboxAdministration.Envelope;
import dev.gatehouse.application.port.out.MailOutboxAdministration.Status;
import dev.gatehouse.domain.mail.MailMessage;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The outbox's envelopes only: the sealed parameters are never read here. */
@Singleton
public final class JdbcMailOutboxAdministration implements MailOutboxAdministration {
    private static final String COLUMNS = "id, template, recipient, status, attempts, created_at, next_attempt_at, sent_at, last_error";

    private final PgSql sql;

    JdbcMailOutboxAdministration(PgSql sql) {
        this.sql = sql;
    }

    /** The stored status and attempts as the application's state; a mail pending after a failure is retrying. */
    private static String where(Status state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case PENDING -> " WHERE status = 'PENDING' AND attempts = 0";
            case RETRYING -> " WHERE status = 'PENDING' AND attempts > 0";
            case DEAD -> " WHERE status = 'DEAD'";
            case SENT -> " WHERE status = 'SENT'";
        };
    }

    @Override
    public Page find(Status state, int page, int size) {
        String filter = where(state);
        List<Envelope> items = sql.list("SELECT " + COLUMNS + " FROM mail_outbox" + filter + " ORDER BY id DESC LIMIT ? OFFSET ?",
                ps -> {
                    ps.setInt(1, size);
                    ps.setLong(2, (long) page * size);
                }, JdbcMailOutboxAdministration::mail);
        long total = sql.one("SELECT count(*) FROM mail_outbox" + filter, ps -> {
        }, rs -> rs.getLong(1)).orElseThrow();
        return new Page(items, total);
    }

    @Override
    public Optional<Envelope> findById(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = ?", ps -> ps.setLong(1, id),
                JdbcMailOutboxAdministration::mail);
    }

    @Override
    public boolean deleteDead(long id) {
        return sql.update("DELETE FROM mail_outbox WHERE id = ? AND status = 'DEAD'", ps -> ps.setLong(1, id)) == 1;
    }

    private static Envelope mail(ResultSet rs) throws SQLException {
        String stored = rs.getString("status");
        int attempts = rs.getInt("attempts");
        Status status = switch (stored) {
            case "DEAD" -> Status.DEAD;
            case "SENT" -> Status.SENT;
            default -> attempts > 0 ? Status.RETRYING : Status.PENDING;
        };
        MailMessage.Template template;
        try {
            template = MailMessage.Template.valueOf(rs.getString("template"));
        } catch (IllegalArgumentException e) {
            template = null; // a kind this version does not know (written by a newer one)
        }
        return new Envelope(rs.getLong("id"), template, rs.getString("recipient"), status, attempts,
                PgSql.instant(rs, "created_at"), PgSql.instant(rs, "next_attempt_at"), PgSql.instant(rs, "sent_at"),
                rs.getString("last_error"));
    }
}
