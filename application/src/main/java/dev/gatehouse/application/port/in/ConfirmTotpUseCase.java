package dev.gatehouse.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * Turns MFA on with a first code from the pending app. Answers the recovery codes, shown this once;
 * every other session of the user is revoked (they were opened with the password alone).
 */
public interface ConfirmTotpUseCase {
    /** {@code activationToken} is optional (null): when given it must be the one the set-up handed out. */
    record ConfirmTotpCommand(Principal caller, String code, String activationToken) {
        public ConfirmTotpCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String toString() {
            return "ConfirmTotpCommand[user=" + caller.user().id() + "]";
        }
    }

    /**
     * @throws dev.gatehouse.application.error.ValidationFailedException wrong code ({@code code}) or activation token
     * @throws dev.gatehouse.application.error.MfaStateException         already on, or nothing set up
     */
    List<String> confirm(ConfirmTotpCommand command);
}
