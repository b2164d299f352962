package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.UserId;
import java.util.List;

/** The security event log. {@link #record} joins the caller's transaction when there is one. */
public interface AuditLog {
    /** {@code from} (inclusive) and {@code until} (exclusive) bound the time; any of the filters may be null. */
    record Query(UserId user, AuditEvent.Type type, java.time.Instant from, java.time.Instant until, int page, int size) {
        public Query(UserId user, AuditEvent.Type type, int page, int size) {
            this(user, type, null, null, page, size);
        }
    }

    record Page(List<AuditEvent> items, long total) {
    }

    void record(AuditEvent event);

    /** Erasure: the user's events keep their id, type and time; the client addresses they carried go. */
    void forgetClientAddresses(UserId user);

    /** Newest first. */
    Page find(Query query);
}
