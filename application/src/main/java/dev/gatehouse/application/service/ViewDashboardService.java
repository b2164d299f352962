package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.ViewDashboardUseCase;
import dev.gatehouse.application.port.out.AdminStatistics;
import dev.gatehouse.domain.audit.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public final class ViewDashboardService implements ViewDashboardUseCase {
    static final int DAYS = 30;

    private final AdminStatistics statistics;
    private final Clock clock;

    public ViewDashboardService(AdminStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public Dashboard dashboard(Principal admin) {
        Admins.require(admin);
        Instant now = clock.instant();
        Instant dayAgo = now.minus(Duration.ofHours(24));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<DayCount> signIns = days(statistics.eventsPerDay(AuditEvent.Type.LOGIN_SUCCESS, from), first);
        List<DayCount> failures = days(statistics.eventsPerDay(AuditEvent.Type.LOGIN_FAILURE, from), first);
        AdminStatistics.Accounts accounts = statistics.accounts();
        AdminStatistics.Outbox outbox = statistics.outbox();
        return new Dashboard(accounts.users(), accounts.active(), statistics.activeSessions(now),
                statistics.events(AuditEvent.Type.LOGIN_SUCCESS, dayAgo), statistics.events(AuditEvent.Type.LOGIN_FAILURE, dayAgo),
                sum(signIns), sum(failures), statistics.events(AuditEvent.Type.TOKEN_REUSE, dayAgo),
                statistics.events(AuditEvent.Type.TOKEN_REUSE, from), outbox.pending(), outbox.retrying(), outbox.dead(),
                signIns, failures);
    }

    /** Every day from {@code first} on, zero where nothing happened. */
    private static List<DayCount> days(Map<LocalDate, Long> counts, LocalDate first) {
        List<DayCount> days = new ArrayList<>(DAYS);
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = first.plusDays(i);
            days.add(new DayCount(day, counts.getOrDefault(day, 0L)));
        }
        return List.copyOf(days);
    }

    private static long sum(List<DayCount> days) {
        return days.stream().mapToLong(DayCount::count).sum();
    }
}
