package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotAuthenticatedException;
import dev.gatehouse.application.port.in.LogOutUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OpaqueToken;
import java.time.Clock;
import java.time.Instant;

public final class LogOutService implements LogOutUseCase {
    private final AuditLog audit;
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;

    public LogOutService(SessionRepository sessions, Transactions transactions, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void logOut(LogOutCommand command) {
        Instant now = clock.instant();
        if (command.all()) {
            if (command.caller() == null) {
                throw new NotAuthenticatedException();
            }
            transactions.run(() -> {
                int revoked = sessions.revokeAllOf(command.caller().user().id(), null, now, Session.RevokeReason.LOGOUT_ALL);
                audit.record(AuditEvent.of(now, AuditEvent.Type.LOGOUT_ALL, command.caller().user().id(), null, null,
                        revoked + " session(s) revoked"));
            });
            return;
        }
        // Holding the refresh token is proof enough to end its session; anything unknown is already logged out.
        OpaqueToken.parse(command.refreshToken()).ifPresent(token -> transactions.run(() ->
                sessions.findBySessionToken(token.hash()).ifPresent(session -> {
                    session.revoke(now, Session.RevokeReason.LOGOUT);
                    sessions.saveRevocation(session);
                })));
    }
}
