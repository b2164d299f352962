package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.UserId;
import java.util.Objects;

/**
 * Erasure: the account's row goes (and with it its sessions, links and personal data); the audit
 * keeps the user id and what happened, never the address. The address can register again.
 */
public interface DeleteAccountUseCase {
    /** Proved by the password, or, when the account has an authenticator app, by its code (or a recovery code). */
    record DeleteOwnAccountCommand(Principal caller, PlainPassword password, String code) {
        public DeleteOwnAccountCommand {
            Objects.requireNonNull(caller, "caller");
            if ((password == null) == (code == null)) {
                throw new IllegalArgumentException("the password or a code, one of them");
            }
        }

        public DeleteOwnAccountCommand(Principal caller, PlainPassword password) {
            this(caller, Objects.requireNonNull(password, "password"), null);
        }

        @Override
        public String toString() {
            return "DeleteOwnAccountCommand[redacted]";
        }
    }

    /** The caller deletes their own account, proving it with their password. */
    void deleteOwnAccount(DeleteOwnAccountCommand command);

    /** An administrator deletes any account; the last active administrator cannot be deleted. */
    void deleteAccount(Principal admin, UserId id);
}
