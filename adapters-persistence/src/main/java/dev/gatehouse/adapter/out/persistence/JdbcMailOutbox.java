package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.MailOutbox;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.user.EmailAddress;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox in PostgreSQL. Claiming is one statement: due rows are picked with
 * {@code FOR UPDATE SKIP LOCKED} and leased, so dispatchers on several instances never take the
 * same mail; a dispatcher that dies mid-send loses its lease and the mail is tried again.
 */
@Singleton
public final class JdbcMailOutbox implements MailOutbox {
    private static final String CONTEXT = "mail-outbox";
    private final PgSql sql;
    private final Sealer sealer;

    JdbcMailOutbox(PgSql sql, Sealer sealer) {
        this.sql = sql;
        this.sealer = sealer;
    }

    @Override
    public void enqueue(MailMessage message, Instant now) {
        byte[] sealed = sealer.seal(encode(message.parameters()), CONTEXT);
        sql.update("INSERT INTO mail_outbox (template, recipient, parameters, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, message.template().name());
            ps.setString(2, message.to().value());
            ps.setBytes(3, sealed);
            PgSql.setInstant(ps, 4, now);
            PgSql.setInstant(ps, 5, now);
        });
    }

    /** A claimed row; {@code message} is null when its parameters cannot be opened. */
    private record Claimed(long id, MailMessage message, int attempts) {
    }

    @Override
    public List<PendingMail> claimDue(Instant now, int limit, Duration lease) {
        // RETURNING keeps no order: sort the claimed rows again, oldest first, so mails to one address go
        // out in the order they were written (a second reset link after the first, never before it).
        List<Claimed> claimed = sql.list("WITH claimed AS (UPDATE mail_outbox SET locked_until = ?, attempts = attempts + 1 "
                        + "WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? "
                        + "AND (locked_until IS NULL OR locked_until <= ?) ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) "
                        + "RETURNING id, template, recipient, parameters, attempts, next_attempt_at) "
                        + "SELECT id, template, recipient, parameters, attempts FROM claimed ORDER BY next_attempt_at, id",
                ps -> {
                    PgSql.setInstant(ps, 1, now.plus(lease));
                    PgSql.setInstant(ps, 2, now);
                    PgSql.setInstant(ps, 3, now);
                    ps.setInt(4, limit);
                },
                rs -> new Claimed(rs.getLong("id"), open(rs.getString("template"), rs.getString("recipient"), rs.getBytes("parameters")),
                        rs.getInt("attempts")));
        List<PendingMail> due = new java.util.ArrayList<>(claimed.size());
        for (Claimed c : claimed) {
            if (c.message() == null) {
                // Sealed under another master key (or damaged): no retry can ever send it, and left
                // pending it would be claimed first, round after round.
                markDead(c.id(), now, "parameters cannot be opened: was AUTH_MASTER_KEY changed?");
            } else {
                due.add(new PendingMail(c.id(), c.message(), c.attempts()));
            }
        }
        return due;
    }

    private MailMessage open(String template, String recipient, byte[] sealed) {
        try {
            return new MailMessage(MailMessage.Template.valueOf(template), EmailAddress.of(recipient),
                    decode(sealer.open(sealed, CONTEXT)));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public void markSent(long id, Instant now) {
        sql.update("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, parameters = NULL, locked_until = NULL, last_error = NULL "
                + "WHERE id = ?", ps -> {
            PgSql.setInstant(ps, 1, now);
            ps.setLong(2, id);
        });
    }

    @Override
    public void scheduleRetry(long id, Instant nextAttemptAt, String error) {
        sql.update("UPDATE mail_outbox SET next_attempt_at = ?, locked_until = NULL, last_error = ? WHERE id = ?", ps -> {
            PgSql.setInstant(ps, 1, nextAttemptAt);
            ps.setString(2, clip(error));
            ps.setLong(3, id);
        });
    }

    @Override
    public void markDead(long id, Instant now, String error) {
        sql.update("UPDATE mail_outbox SET status = 'DEAD', parameters = NULL, locked_until = NULL, last_error = ?, "
                + "next_attempt_at = ? WHERE id = ?", ps -> {
            ps.setString(1, clip(error));
            PgSql.setInstant(ps, 2, now);
            ps.setLong(3, id);
        });
    }

    private static String clip(String error) {
        return error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
    }

    /** {@code key=value} lines, both URL-encoded: no JSON library needed for a flat map of strings. */
    static byte[] encode(Map<String, String> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((k, v) -> out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> decode(byte[] bytes) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                parameters.put(URLDecoder.decode(line.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(line.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
