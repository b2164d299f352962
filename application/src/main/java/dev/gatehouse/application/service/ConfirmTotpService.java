package dev.gatehouse.application.service;

import dev.gatehouse.application.error.MfaStateException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.ConfirmTotpUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SecondFactorRepository;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mfa.TotpEnrolment;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

public final class ConfirmTotpService implements ConfirmTotpUseCase {
    public static final String INVALID_CODE = "Invalid code.";
    public static final String INVALID_ACTIVATION = "Invalid or expired activation token.";

    private final SecondFactors factors;
    private final SecondFactorRepository store;
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public ConfirmTotpService(SecondFactors factors, SecondFactorRepository store, SessionRepository sessions,
                              Transactions transactions, AuditLog audit, Clock clock) {
        this.factors = factors;
        this.store = store;
        this.sessions = sessions;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the transaction decided: the codes, or which input was wrong (a refusal changes nothing, so nothing is kept). */
    private record Outcome(List<String> codes, String wrongField) {
    }

    @Override
    public List<String> confirm(ConfirmTotpCommand command) {
        User user = command.caller().user();
        Instant now = clock.instant();
        factors.admitGuess(user, null, now);
        Outcome outcome = transactions.inTransaction(() -> {
            TotpEnrolment pending = store.lockTotp(user.id()).orElseThrow(MfaStateException::notEnabled);
            if (pending.isActive()) {
                throw MfaStateException.alreadyEnabled();
            }
            if (command.activationToken() != null && OpaqueToken.parse(command.activationToken()).map(OpaqueToken::hash)
                    .filter(hash -> hash.equals(pending.activation())).isEmpty()) {
                return new Outcome(null, "activation_token");
            }
            OptionalLong step = Totp.accept(pending.secret().bytes(), command.code().strip(), now, null);
            if (step.isEmpty()) {
                return new Outcome(null, "code");
            }
            store.update(pending.used(step.getAsLong(), now));
            List<String> codes = factors.newRecoveryCodes(user.id(), now);
            // Sessions opened with the password alone would outlive the new rule; this one proved the code.
            int revoked = sessions.revokeAllOf(user.id(), command.caller().sessionId(), now, Session.RevokeReason.MFA_ENABLED);
            audit.record(AuditEvent.of(now, AuditEvent.Type.MFA_ENABLED, user.id(), null, null,
                    "authenticator app; " + revoked + " other session(s) revoked"));
            return new Outcome(codes, null);
        });
        if (outcome.wrongField() != null) {
            factors.recordFailure(user, null, now, "wrong " + outcome.wrongField() + " (set-up)");
            throw ValidationFailedException.of(outcome.wrongField(), "code".equals(outcome.wrongField()) ? INVALID_CODE : INVALID_ACTIVATION);
        }
        factors.guessSucceeded(user);
        return outcome.codes();
    }
}
