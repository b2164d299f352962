package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.PlainPassword;
import java.util.Objects;

public interface ConfirmPasswordResetUseCase {
    record ConfirmPasswordResetCommand(String token, PlainPassword newPassword, PlainPassword confirmPassword, ClientInfo client) {
        public ConfirmPasswordResetCommand {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(newPassword, "newPassword");
            client = client == null ? ClientInfo.UNKNOWN : client;
        }
    }

    /**
     * Sets the new password, revokes every session, and logs in on a new one.
     *
     * @throws dev.gatehouse.application.error.TokenNotValidException unknown, used, expired, superseded, or
     *         issued before the password last changed
     * @throws dev.gatehouse.application.error.ValidationFailedException the new password breaks the policy
     */
    AuthenticatedUser confirmPasswordReset(ConfirmPasswordResetCommand command);
}
