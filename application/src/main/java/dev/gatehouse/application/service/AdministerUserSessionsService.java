package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.AdministerUserSessionsUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

public final class AdministerUserSessionsService implements AdministerUserSessionsUseCase {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public AdministerUserSessionsService(UserRepository users, SessionRepository sessions, AuditLog audit,
                                         Transactions transactions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<Session> sessionsOf(Principal admin, UserId user) {
        Admins.require(admin);
        users.findById(user).orElseThrow(() -> new NotFoundException("User"));
        return sessions.findActiveOf(user, clock.instant()).stream()
                .sorted(Comparator.comparing(Session::createdAt).reversed()).toList();
    }

    @Override
    public void revokeSession(Principal admin, UserId user, SessionId sessionId) {
        Admins.require(admin);
        Instant now = clock.instant();
        transactions.run(() -> {
            Session session = sessions.findWithUser(sessionId).map(SessionRepository.SessionOfUser::session)
                    .filter(s -> s.userId().equals(user) && s.isActive(now))
                    .orElseThrow(() -> new NotFoundException("Session"));
            session.revoke(now, Session.RevokeReason.ADMIN);
            sessions.saveRevocation(session);
            audit.record(AuditEvent.of(now, AuditEvent.Type.SESSION_REVOKED, user, admin.user().id(), null,
                    "session " + session.id()));
        });
    }
}
