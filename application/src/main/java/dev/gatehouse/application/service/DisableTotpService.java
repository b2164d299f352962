package dev.gatehouse.application.service;

import dev.gatehouse.application.error.MfaStateException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.DisableTotpUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.MfaChallengeRepository;
import dev.gatehouse.application.port.out.SecondFactorRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class DisableTotpService implements DisableTotpUseCase {
    private final SecondFactors factors;
    private final SecondFactorRepository store;
    private final MfaChallengeRepository challenges;
    private final PasswordConfirmation passwords;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public DisableTotpService(SecondFactors factors, SecondFactorRepository store, MfaChallengeRepository challenges,
                              PasswordConfirmation passwords, Transactions transactions, AuditLog audit, Clock clock) {
        this.factors = factors;
        this.store = store;
        this.challenges = challenges;
        this.passwords = passwords;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void disable(DisableTotpCommand command) {
        User user = command.caller().user();
        Instant now = clock.instant();
        if (!factors.isOn(user.id())) {
            throw MfaStateException.notEnabled();
        }
        if (command.code() != null) {
            factors.admitGuess(user, null, now);
            Optional<SecondFactors.Factor> proved = transactions.inTransaction(() -> {
                Optional<SecondFactors.Factor> factor = factors.check(user.id(), command.code(), now);
                factor.ifPresent(f -> remove(user, now, "proved by " + f.name().toLowerCase()));
                return factor;
            });
            if (proved.isEmpty()) {
                factors.recordFailure(user, null, now, "wrong code (turning MFA off)");
                throw ValidationFailedException.of("code", ConfirmTotpService.INVALID_CODE);
            }
            factors.guessSucceeded(user);
        } else {
            // The same lockout as a password at login: a stolen access token cannot guess it here either.
            passwords.require(user, command.password());
            transactions.run(() -> remove(user, now, "proved by password"));
        }
    }

    private void remove(User user, Instant now, String detail) {
        store.deleteAll(user.id());
        challenges.deleteAllOf(user.id());
        audit.record(AuditEvent.of(now, AuditEvent.Type.MFA_DISABLED, user.id(), null, null, detail));
    }
}
