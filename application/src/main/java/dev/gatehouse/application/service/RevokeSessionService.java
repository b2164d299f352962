package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RevokeSessionUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.session.SessionId;
import java.time.Clock;

public final class RevokeSessionService implements RevokeSessionUseCase {
    private final AuditLog audit;
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;

    public RevokeSessionService(SessionRepository sessions, Transactions transactions, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void revokeSession(Principal caller, SessionId sessionId) {
        transactions.run(() -> {
            Session session = sessions.findWithUser(sessionId)
                    .map(SessionRepository.SessionOfUser::session)
                    // Someone else's session is reported exactly like a missing one: ids are not probed.
                    .filter(s -> s.userId().equals(caller.user().id()))
                    .orElseThrow(() -> new NotFoundException("Session"));
            session.revoke(clock.instant(), Session.RevokeReason.USER_REVOKED);
            sessions.saveRevocation(session);
            audit.record(AuditEvent.of(clock.instant(), AuditEvent.Type.SESSION_REVOKED, caller.user().id(), null, null,
                    "session " + session.id()));
        });
    }
}
