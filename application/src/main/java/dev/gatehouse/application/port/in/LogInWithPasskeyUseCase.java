package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import java.util.Objects;

public interface LogInWithPasskeyUseCase {
    /**
     * @param ceremony the challenge the client says it answers, for dialects that send one back beside the credential
     *                 (dj-rest-auth's {@code session_id}); null when the credential's own client data is to name it
     */
    record PasskeyLogInCommand(String credential, byte[] ceremony, ClientInfo client) {
        public PasskeyLogInCommand {
            Objects.requireNonNull(credential, "credential");
            ceremony = ceremony == null ? null : ceremony.clone();
            client = client == null ? ClientInfo.UNKNOWN : client;
        }

        public PasskeyLogInCommand(String credential, ClientInfo client) {
            this(credential, null, client);
        }
    }

    /**
     * A complete sign-in: the session is {@code aal2} with {@code amr ["hwk"]}, and no second factor is asked
     * for. Every failure of the credential (unknown, replayed or expired challenge, wrong origin, bad signature,
     * a sign counter that went backwards, a passkey of another account) is the one {@code INVALID_CREDENTIALS}.
     */
    LogInUseCase.LogInResult logInWithPasskey(PasskeyLogInCommand command);
}
