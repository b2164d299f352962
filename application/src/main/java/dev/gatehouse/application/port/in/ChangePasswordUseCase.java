package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.PlainPassword;
import java.util.Objects;

public interface ChangePasswordUseCase {
    record ChangePasswordCommand(Principal caller, PlainPassword oldPassword, PlainPassword newPassword,
                                 PlainPassword confirmPassword) {
        public ChangePasswordCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(oldPassword, "oldPassword");
            Objects.requireNonNull(newPassword, "newPassword");
        }
    }

    /** Changes the password and revokes every other session of the user; the caller's stays. */
    void changePassword(ChangePasswordCommand command);
}
