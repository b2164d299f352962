package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.mail.MailMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox's envelopes, for administrators: listing, and taking a dead mail out once it is written again. */
public interface MailOutboxAdministration {
    /** {@code RETRYING}: still pending, after at least one failed attempt. */
    enum Status {
        PENDING, RETRYING, DEAD, SENT
    }

    /** A mail without its content; {@code template} is null for a kind this version does not know. */
    record Envelope(long id, MailMessage.Template template, String recipient, Status status, int attempts, Instant createdAt,
                    Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    record Page(List<Envelope> items, long total) {
    }

    /** Newest first; {@code status} null for all. */
    Page find(Status status, int page, int size);

    Optional<Envelope> findById(long id);

    /** Removes the mail if it is dead; false when it is not (any more). */
    boolean deleteDead(long id);
}
