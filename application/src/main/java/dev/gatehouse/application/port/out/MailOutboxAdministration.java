package dev.gatehouse.application.port.out;

import dev.gatehouse.application.port.in.ManageMailOutboxUseCase.MailState;
import dev.gatehouse.application.port.in.ManageMailOutboxUseCase.OutboxMail;
import java.util.List;
import java.util.Optional;

/** The outbox's envelopes, for administrators: listing, and taking a dead mail out once it is written again. */
public interface MailOutboxAdministration {
    record Page(List<OutboxMail> items, long total) {
    }

    /** Newest first; {@code state} null for all. */
    Page find(MailState state, int page, int size);

    Optional<OutboxMail> findById(long id);

    /** Removes the mail if it is dead; false when it is not (any more). */
    boolean deleteDead(long id);
}
