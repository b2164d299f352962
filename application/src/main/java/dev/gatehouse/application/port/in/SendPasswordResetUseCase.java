package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.UserId;

/** An administrator has the service mail a user a password-reset link (the user still chooses the password). */
public interface SendPasswordResetUseCase {
    /** @throws dev.gatehouse.application.error.NotFoundException unknown user */
    void sendPasswordReset(Principal admin, UserId user);
}
