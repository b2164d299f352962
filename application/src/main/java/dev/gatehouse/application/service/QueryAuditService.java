package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.QueryAuditUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.UserId;

public final class QueryAuditService implements QueryAuditUseCase {
    private final AuditLog audit;

    public QueryAuditService(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public AuditPage query(Principal admin, UserId user, AuditEvent.Type type, java.time.Instant from, java.time.Instant until,
                           int page, int size) {
        Admins.require(admin);
        int safePage = Math.max(0, page);
        int safeSize = Math.min(Math.max(1, size), AdministerUsersService.MAX_PAGE_SIZE);
        AuditLog.Page found = audit.find(new AuditLog.Query(user, type, from, until, safePage, safeSize));
        return new AuditPage(found.items(), safePage, safeSize, found.total());
    }
}
