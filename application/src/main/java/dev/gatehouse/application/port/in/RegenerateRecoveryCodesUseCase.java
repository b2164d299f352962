package dev.gatehouse.application.port.in;

import java.util.List;

/** Replaces every recovery code by ten new ones (shown this once), proved by a current code. */
public interface RegenerateRecoveryCodesUseCase {
    /**
     * @throws dev.gatehouse.application.error.ValidationFailedException wrong code
     * @throws dev.gatehouse.application.error.MfaStateException         MFA is off
     */
    List<String> regenerate(Principal caller, String code);
}
