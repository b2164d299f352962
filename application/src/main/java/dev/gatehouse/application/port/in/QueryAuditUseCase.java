package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.UserId;
import java.util.List;

public interface QueryAuditUseCase {
    record AuditPage(List<AuditEvent> items, int page, int size, long total) {
    }

    /** Newest first; {@code user} and {@code type} may be null. Administrators only. */
    default AuditPage query(Principal admin, UserId user, AuditEvent.Type type, int page, int size) {
        return query(admin, user, type, null, null, page, size);
    }

    /** Also bounded in time: {@code from} inclusive, {@code until} exclusive; either may be null. */
    AuditPage query(Principal admin, UserId user, AuditEvent.Type type, java.time.Instant from, java.time.Instant until, int page,
                    int size);
}
