package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.mail.MailMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Mail waiting to leave. {@link #enqueue} writes in the caller's transaction, so a mail exists
 * exactly when the state change that caused it committed. The dispatcher side claims due mail
 * with a lease: several dispatchers never hold the same mail at once.
 */
public interface MailOutbox {

    record PendingMail(long id, MailMessage message, int attempts) {
        @Override
        public String toString() {
            return "PendingMail[" + id + ", " + message + ", attempts=" + attempts + "]";
        }
    }

    void enqueue(MailMessage message, Instant now);

    /** Claims up to {@code limit} due mails for {@code lease}, counting the attempt. */
    List<PendingMail> claimDue(Instant now, int limit, Duration lease);

    void markSent(long id, Instant now);

    void scheduleRetry(long id, Instant nextAttemptAt, String error);

    void markDead(long id, Instant now, String error);
}
