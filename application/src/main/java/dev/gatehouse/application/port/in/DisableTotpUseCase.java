package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.PlainPassword;
import java.util.Objects;

/** Turns MFA off (the app and the recovery codes go), proved by a current code or the password. */
public interface DisableTotpUseCase {
    /** One of {@code code} (TOTP or recovery code) and {@code password}; the code wins when both are given. */
    record DisableTotpCommand(Principal caller, String code, PlainPassword password) {
        public DisableTotpCommand {
            Objects.requireNonNull(caller, "caller");
            if (code == null && password == null) {
                throw new IllegalArgumentException("a code or the password");
            }
        }

        @Override
        public String toString() {
            return "DisableTotpCommand[user=" + caller.user().id() + "]";
        }
    }

    /**
     * @throws dev.gatehouse.application.error.ValidationFailedException   wrong code
     * @throws dev.gatehouse.application.error.InvalidCredentialsException wrong password
     * @throws dev.gatehouse.application.error.MfaStateException           MFA is off
     */
    void disable(DisableTotpCommand command);
}
