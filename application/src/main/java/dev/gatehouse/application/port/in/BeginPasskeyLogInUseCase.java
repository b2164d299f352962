package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;

public interface BeginPasskeyLogInUseCase {
    /** @param email null for a usernameless sign-in; otherwise only that account's passkeys may answer */
    record BeginPasskeyLogInCommand(EmailAddress email, ClientInfo client) {
        public BeginPasskeyLogInCommand {
            client = client == null ? ClientInfo.UNKNOWN : client;
        }
    }

    /** The same answer whether or not the address has an account. */
    PasskeyOptions.Request beginPasskeyLogIn(BeginPasskeyLogInCommand command);
}
