package dev.gatehouse.application.port.in;

import java.time.Instant;

/** Which second factors the caller has. */
public interface GetMfaStatusUseCase {
    /** {@code totpEnabledAt} and {@code totpLastUsedAt} are null while no app is active. */
    record MfaStatus(boolean totp, int passkeys, int recoveryCodesLeft, Instant totpEnabledAt, Instant totpLastUsedAt) {
    }

    MfaStatus status(Principal caller);
}
