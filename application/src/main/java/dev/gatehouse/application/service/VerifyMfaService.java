package dev.gatehouse.application.service;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.InvalidCredentialsException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.VerifyMfaUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.MfaChallengeRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mfa.MfaChallenge;
import dev.gatehouse.domain.session.Assurance;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class VerifyMfaService implements VerifyMfaUseCase {
    /** Password and a second factor: what the session (and every token refreshed from it) says. */
    static final Assurance PASSWORD_AND_CODE = Assurance.of(Assurance.Level.AAL2, Assurance.Method.PWD, Assurance.Method.OTP);
    static final Assurance PROVIDER_AND_CODE = Assurance.of(Assurance.Level.AAL2, Assurance.Method.FED, Assurance.Method.OTP);

    private final MfaChallengeRepository challenges;
    private final UserRepository users;
    private final SecondFactors factors;
    private final SessionIssuer issuer;
    private final Throttle throttle;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public VerifyMfaService(MfaChallengeRepository challenges, UserRepository users, SecondFactors factors, SessionIssuer issuer,
                            Throttle throttle, Transactions transactions, AuditLog audit, Clock clock) {
        this.challenges = challenges;
        this.users = users;
        this.factors = factors;
        this.issuer = issuer;
        this.throttle = throttle;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    private enum Kind { DEAD, DISABLED, WRONG_CODE, VERIFIED }

    private record Outcome(Kind kind, SessionIssuer.StartedSession started, SecondFactors.Factor factor) {
    }

    @Override
    public AuthenticatedUser verify(VerifyMfaCommand command) {
        // An mfa_token is a bearer secret like a reset link: guessing them is limited per client the same way.
        throttle.admit(Throttle.Action.TOKEN_GUESS, command.client(), null);
        Instant now = clock.instant();
        String ip = command.client().ip();
        TokenHash hash = OpaqueToken.parse(command.mfaToken()).map(OpaqueToken::hash).orElseThrow(TokenNotValidException::new);
        MfaChallenge seen = challenges.find(hash).orElseThrow(TokenNotValidException::new);
        User user = users.findById(seen.userId()).orElseThrow(TokenNotValidException::new);
        if (!seen.isUsableBy(user, now)) {
            challenges.delete(hash);
            throw new TokenNotValidException();
        }
        // Counted before the code is checked, and kept whatever happens next (outside the transaction).
        factors.admitGuess(user, ip, now);
        Outcome outcome = transactions.inTransaction(() -> {
            Optional<MfaChallenge> locked = challenges.lock(hash);
            if (locked.isEmpty() || !locked.get().isUsableBy(user, now)) {
                return new Outcome(Kind.DEAD, null, null);
            }
            if (!user.isActive()) {
                challenges.delete(hash);
                return new Outcome(Kind.DISABLED, null, null);
            }
            Optional<SecondFactors.Factor> factor = factors.check(user.id(), command.code(), now);
            if (factor.isEmpty()) {
                MfaChallenge failed = locked.get().failed();
                // The fifth wrong code ends this login attempt: the password has to be typed again.
                if (failed.isExhausted()) {
                    challenges.delete(hash);
                } else {
                    challenges.update(failed);
                }
                return new Outcome(Kind.WRONG_CODE, null, null);
            }
            challenges.delete(hash);
            user.recordLogin(now);
            users.recordLogin(user);
            audit.record(AuditEvent.of(now, AuditEvent.Type.LOGIN_SUCCESS, user.id(), null, ip,
                    "second factor: " + factor.get().name().toLowerCase()));
            // The first factor as the pending login recorded it: a password, or a provider's word (social sign-in).
            Assurance assurance = locked.get().firstFactor() == Assurance.Method.FED ? PROVIDER_AND_CODE : PASSWORD_AND_CODE;
            return new Outcome(Kind.VERIFIED, issuer.start(user, command.client(), now, assurance,
                    Session.FIRST_PARTY_CLIENT, null), factor.get());
        });
        switch (outcome.kind()) {
            case DEAD -> throw new TokenNotValidException();
            case DISABLED -> throw new AccountDisabledException();
            case WRONG_CODE -> {
                factors.recordFailure(user, ip, now, "wrong code (login)");
                throw new InvalidCredentialsException();
            }
            case VERIFIED -> {
                factors.guessSucceeded(user);
                return new AuthenticatedUser(user, issuer.tokens(user, outcome.started(), now));
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
