package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;

public interface BeginPasskeyLogInUseCase {
    /**
     * @param account null for a usernameless sign-in; otherwise an email address or a username (looked up as login
     *                does), and only that account's passkeys may answer
     */
    record BeginPasskeyLogInCommand(String account, ClientInfo client) {
        public BeginPasskeyLogInCommand {
            account = account == null || account.isBlank() ? null : account.strip();
            client = client == null ? ClientInfo.UNKNOWN : client;
        }
    }

    /** The same answer whether or not the account exists. */
    PasskeyOptions.Request beginPasskeyLogIn(BeginPasskeyLogInCommand command);
}
