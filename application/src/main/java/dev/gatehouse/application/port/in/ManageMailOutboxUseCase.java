package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.mail.MailMessage;
import java.time.Instant;
import java.util.List;

/** The mail outbox as an administrator sees it: what waits, what is retried, what was given up. */
public interface ManageMailOutboxUseCase {
    enum MailState {
        /** not tried yet */
        PENDING,
        /** tried and failed at least once; tried again later */
        RETRYING,
        /** given up after the last attempt */
        DEAD,
        SENT
    }

    /** A mail's envelope; never its content (links carry tokens). */
    record OutboxMail(long id, MailMessage.Template template, String recipient, MailState state, int attempts,
                      Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    record MailPage(List<OutboxMail> items, int page, int size, long total) {
    }

    /** Newest first; {@code state} null for every state. Administrators only. */
    MailPage list(Principal admin, MailState state, int page, int size);

    /**
     * Sends a dead mail afresh. A given-up mail no longer holds its content (the service erases it), so it
     * is written again from its kind: a link mail with a new link (which supersedes the old one), a notice
     * as it was. The dead entry is replaced by the new one; audited with the administrator as actor.
     *
     * @throws dev.gatehouse.application.error.NotFoundException no such dead mail, or its recipient has no account any more
     * @throws dev.gatehouse.application.error.ValidationFailedException a kind that cannot be written again
     *         (an email-change link: the user asks for the change again)
     */
    void retry(Principal admin, long mailId);
}
