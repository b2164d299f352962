package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyName;
import dev.gatehouse.domain.session.ClientInfo;
import java.util.Objects;

public interface RegisterPasskeyUseCase {
    /** @param credential the browser's answer, as JSON ({@code PublicKeyCredential.toJSON()}) */
    record RegisterPasskeyCommand(Principal caller, String credential, PasskeyName name, ClientInfo client) {
        public RegisterPasskeyCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(credential, "credential");
            name = name == null ? PasskeyName.DEFAULT : name;
            client = client == null ? ClientInfo.UNKNOWN : client;
        }
    }

    /** @throws dev.gatehouse.application.error.ValidationFailedException on {@code credential} when it does not verify */
    Passkey registerPasskey(RegisterPasskeyCommand command);
}
