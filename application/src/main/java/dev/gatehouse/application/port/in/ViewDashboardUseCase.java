package dev.gatehouse.application.port.in;

import java.time.LocalDate;
import java.util.List;

/** The figures an administrator looks at first: accounts, sessions, sign-ins, reuse, mail. */
public interface ViewDashboardUseCase {
    /** Events of one UTC day. */
    record DayCount(LocalDate day, long count) {
    }

    /**
     * @param signIns  successful sign-ins per UTC day, oldest first, the last 30 days (today included)
     * @param failures failed sign-ins per UTC day, the same days
     */
    record Dashboard(long users, long activeUsers, long activeSessions, long signIns24h, long failures24h, long signIns30d,
                     long failures30d, long tokenReuse24h, long tokenReuse30d, long mailPending, long mailRetrying,
                     long mailDead, List<DayCount> signIns, List<DayCount> failures) {
    }

    /** Administrators only. */
    Dashboard dashboard(Principal admin);
}
