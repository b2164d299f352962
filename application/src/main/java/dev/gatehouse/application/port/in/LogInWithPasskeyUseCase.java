package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import java.util.Objects;

public interface LogInWithPasskeyUseCase {
    record PasskeyLogInCommand(String credential, ClientInfo client) {
        public PasskeyLogInCommand {
            Objects.requireNonNull(credential, "credential");
            client = client == null ? ClientInfo.UNKNOWN : client;
        }
    }

    /**
     * A complete sign-in: the session is {@code aal2} with {@code amr ["hwk"]}, and no second factor is asked
     * for. Every failure of the credential (unknown, replayed or expired challenge, wrong origin, bad signature,
     * a sign counter that went backwards, a passkey of another account) is the one {@code INVALID_CREDENTIALS}.
     */
    LogInUseCase.LogInResult logInWithPasskey(PasskeyLogInCommand command);
}
