package dev.gatehouse.application.service;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.VerifyEmailUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.OneTimeTokenRepository;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;

public final class VerifyEmailService implements VerifyEmailUseCase {
    private final AuditLog audit;
    private final OneTimeTokenRepository tokens;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final SessionIssuer issuer;
    private final Transactions transactions;
    private final Clock clock;

    public VerifyEmailService(OneTimeTokenRepository tokens, UserRepository users, SessionRepository sessions,
                              SessionIssuer issuer, Transactions transactions, Clock clock, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
        this.tokens = tokens;
        this.users = users;
        this.issuer = issuer;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Verified(User user, SessionIssuer.StartedSession started) {
    }

    @Override
    public AuthenticatedUser verifyEmail(String token, ClientInfo client) {
        OpaqueToken presented = OpaqueToken.parse(token).orElseThrow(TokenNotValidException::new);
        Instant now = clock.instant();
        Verified verified = transactions.inTransaction(() -> {
            OneTimeToken stored = tokens.lock(presented.hash()).orElseThrow(TokenNotValidException::new);
            User user = users.findById(stored.userId()).orElseThrow(TokenNotValidException::new);
            if (!stored.isUsable(OneTimeToken.Purpose.VERIFY_EMAIL, user, now)) {
                throw new TokenNotValidException();
            }
            if (!user.isActive()) {
                throw new AccountDisabledException();
            }
            tokens.markUsed(stored.use(now));
            if (!user.isEmailVerified()) {
                // The first proof of the address: any session opened before it may be a stranger's
                // who registered the address first (pre-account hijacking), so none survives it.
                sessions.revokeAllOf(user.id(), null, now, Session.RevokeReason.EMAIL_VERIFIED);
            }
            user.confirmEmail();
            user.recordLogin(now);
            users.update(user);
            audit.record(AuditEvent.of(now, AuditEvent.Type.EMAIL_VERIFIED, user.id(), null, client.ip(), null));
            return new Verified(user, issuer.start(user, client, now));
        });
        return new AuthenticatedUser(verified.user(), issuer.tokens(verified.user(), verified.started(), now));
    }
}
