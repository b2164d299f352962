package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import java.util.Objects;

/**
 * Asks to move the account to another address: a single-use link (24 h) goes to the new address,
 * a notice to the old one. Nothing changes until the link is followed
 * ({@link ConfirmEmailChangeUseCase}). The answer is the same whether or not the new address is taken.
 */
public interface ChangeEmailUseCase {
    record ChangeEmailCommand(Principal caller, EmailAddress newEmail, PlainPassword password, ClientInfo client) {
        public ChangeEmailCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(newEmail, "newEmail");
            Objects.requireNonNull(password, "password");
            client = client == null ? ClientInfo.UNKNOWN : client;
        }
    }

    /** Counted as a mail request of the client and to the new address. */
    void requestEmailChange(ChangeEmailCommand command);
}
