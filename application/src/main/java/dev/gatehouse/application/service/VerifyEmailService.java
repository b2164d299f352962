package dev.gatehouse.application.service;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.port.in.Redeemed;
import dev.gatehouse.application.port.in.LogInUseCase;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.in.VerifyEmailUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.OneTimeTokenRepository;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class VerifyEmailService implements VerifyEmailUseCase {
    private final AuditLog audit;
    private final OneTimeTokenRepository tokens;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final SessionIssuer issuer;
    private final Transactions transactions;
    private final Clock clock;
    private final Throttle throttle;
    private final SecondFactors secondFactors;

    public VerifyEmailService(OneTimeTokenRepository tokens, UserRepository users, SessionRepository sessions,
                              SessionIssuer issuer, Transactions transactions, Clock clock, AuditLog audit, Throttle throttle,
                              SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
        this.tokens = tokens;
        this.users = users;
        this.issuer = issuer;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Verified(User user, SessionIssuer.StartedSession started, LogInUseCase.LogInResult.MfaRequired pending) {
    }

    @Override
    public Redeemed verifyEmail(VerifyEmailCommand command) {
        throttle.admit(Throttle.Action.TOKEN_GUESS, command.client(), null);
        OpaqueToken presented = OpaqueToken.parse(command.token()).orElseThrow(TokenNotValidException::new);
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
            // With MFA on, the link stands for the password only: the session waits for a code.
            boolean secondFactor = command.signIn() == SignIn.START_SESSION && secondFactors.isOn(user.id());
            boolean signIn = command.signIn() == SignIn.START_SESSION && !secondFactor;
            if (signIn) {
                user.recordLogin(now);
            }
            users.update(user);
            audit.record(AuditEvent.of(now, AuditEvent.Type.EMAIL_VERIFIED, user.id(), null, command.client().ip(), null));
            return new Verified(user, signIn ? issuer.start(user, command.client(), now) : null,
                    secondFactor ? secondFactors.challenge(user, now) : null);
        });
        return new Redeemed(verified.user(), Optional.ofNullable(verified.started())
                .map(started -> issuer.tokens(verified.user(), started, now)), Optional.ofNullable(verified.pending()));
    }
}
