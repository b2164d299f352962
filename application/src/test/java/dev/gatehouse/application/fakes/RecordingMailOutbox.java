package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.MailOutbox;
import dev.gatehouse.domain.mail.MailMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records what was enqueued; its dispatcher side is a small state machine like the real outbox. */
public final class RecordingMailOutbox implements MailOutbox, Snapshottable {
    public static final class Row {
        public final long id;
        public final MailMessage message;
        public String status = "PENDING";
        public int attempts;
        public Instant nextAttemptAt;
        public Instant lockedUntil;
        public String lastError;

        Row(long id, MailMessage message, Instant now) {
            this.id = id;
            this.message = message;
            this.nextAttemptAt = now;
        }

        Row copy() {
            Row r = new Row(id, message, nextAttemptAt);
            r.status = status;
            r.attempts = attempts;
            r.lockedUntil = lockedUntil;
            r.lastError = lastError;
            return r;
        }
    }

    private List<Row> rows = new ArrayList<>();

    public List<MailMessage> enqueued() {
        return rows.stream().map(r -> r.message).toList();
    }

    public List<MailMessage> enqueued(MailMessage.Template template) {
        return enqueued().stream().filter(m -> m.template() == template).toList();
    }

    public List<Row> rows() {
        return rows;
    }

    @Override
    public void enqueue(MailMessage message, Instant now) {
        rows.add(new Row(rows.size() + 1, message, now));
    }

    @Override
    public List<PendingMail> claimDue(Instant now, int limit, Duration lease) {
        List<PendingMail> claimed = new ArrayList<>();
        for (Row row : rows) {
            if (claimed.size() < limit && row.status.equals("PENDING") && !row.nextAttemptAt.isAfter(now)
                    && (row.lockedUntil == null || !row.lockedUntil.isAfter(now))) {
                row.lockedUntil = now.plus(lease);
                row.attempts++;
                claimed.add(new PendingMail(row.id, row.message, row.attempts));
            }
        }
        return claimed;
    }

    private Row row(long id) {
        return rows.stream().filter(r -> r.id == id).findFirst().orElseThrow();
    }

    @Override
    public void markSent(long id, Instant now) {
        Row row = row(id);
        row.status = "SENT";
        row.lockedUntil = null;
    }

    @Override
    public void scheduleRetry(long id, Instant nextAttemptAt, String error) {
        Row row = row(id);
        row.nextAttemptAt = nextAttemptAt;
        row.lockedUntil = null;
        row.lastError = error;
    }

    @Override
    public void markDead(long id, Instant now, String error) {
        Row row = row(id);
        row.status = "DEAD";
        row.lockedUntil = null;
        row.lastError = error;
    }

    @Override
    public Runnable snapshot() {
        List<Row> copy = rows.stream().map(Row::copy).toList();
        return () -> rows = new ArrayList<>(copy);
    }
}
