package dev.gatehouse.application.service;

import dev.gatehouse.application.error.MfaStateException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RegenerateRecoveryCodesUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

public final class RegenerateRecoveryCodesService implements RegenerateRecoveryCodesUseCase {
    private final SecondFactors factors;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public RegenerateRecoveryCodesService(SecondFactors factors, Transactions transactions, AuditLog audit, Clock clock) {
        this.factors = factors;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<String> regenerate(Principal caller, String code) {
        User user = caller.user();
        Instant now = clock.instant();
        if (!factors.isOn(user.id())) {
            throw MfaStateException.notEnabled();
        }
        factors.admitGuess(user, null, now);
        List<String> codes = transactions.inTransaction(() -> {
            if (factors.check(user.id(), code, now).isEmpty()) {
                return null;
            }
            audit.record(AuditEvent.of(now, AuditEvent.Type.MFA_RECOVERY_CODES_REGENERATED, user.id(), null, null, null));
            return factors.newRecoveryCodes(user.id(), now);
        });
        if (codes == null) {
            factors.recordFailure(user, null, now, "wrong code (new recovery codes)");
            throw ValidationFailedException.of("code", ConfirmTotpService.INVALID_CODE);
        }
        factors.guessSucceeded(user);
        return codes;
    }
}
