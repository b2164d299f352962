package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.audit.AuditEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** Counts for the administrators' dashboard, computed where the data is. */
public interface AdminStatistics {
    record Accounts(long users, long active) {
    }

    record Outbox(long pending, long retrying, long dead) {
    }

    Accounts accounts();

    long activeSessions(Instant now);

    /** Events of {@code type} since {@code from}, by UTC day; days without one are absent. */
    Map<LocalDate, Long> eventsPerDay(AuditEvent.Type type, Instant from);

    long events(AuditEvent.Type type, Instant from);

    Outbox outbox();
}
