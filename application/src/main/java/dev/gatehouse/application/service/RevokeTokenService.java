package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.RevokeTokenUseCase;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OpaqueToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class RevokeTokenService implements RevokeTokenUseCase {
    private final AccessTokenSigner signer;
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final SettingsSource settings;
    private final AuditLog audit;
    private final Clock clock;

    public RevokeTokenService(AccessTokenSigner signer, SessionRepository sessions, Transactions transactions,
                              SettingsSource settings, AuditLog audit, Clock clock) {
        this.signer = signer;
        this.sessions = sessions;
        this.transactions = transactions;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void revoke(RevokeTokenCommand command) {
        String token = command.token();
        if (token == null || token.isEmpty() || command.clientId() == null) {
            return;
        }
        Instant now = clock.instant();
        Optional<OpaqueToken> refresh = OpaqueToken.parse(token);
        if (refresh.isPresent()) {
            // Any member of the family, spent or not, names its session: holding it is proof enough (as at logout).
            transactions.run(() -> sessions.findBySessionToken(refresh.get().hash())
                    .ifPresent(session -> end(session, command.clientId(), now)));
            return;
        }
        // An access token: only a live one of ours is worth acting on; its session goes with it.
        AccessTokenCheck.live(signer, sessions, settings.current(), token, now)
                .filter(live -> command.clientId().equals(live.claims().clientId()))
                .ifPresent(live -> transactions.run(() -> end(live.session().session(), command.clientId(), now)));
    }

    private void end(Session session, String clientId, Instant now) {
        // RFC 7009 §2.1: a client may revoke only what was issued to it.
        if (!clientId.equals(session.clientId()) || !session.isActive(now)) {
            return;
        }
        session.revoke(now, Session.RevokeReason.LOGOUT);
        sessions.saveRevocation(session);
        audit.record(AuditEvent.of(now, AuditEvent.Type.SESSION_REVOKED, session.userId(), null, null,
                "revoked by client " + clientId + " (RFC 7009)"));
    }
}
