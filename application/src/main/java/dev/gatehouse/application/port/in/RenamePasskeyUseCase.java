package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.passkey.PasskeyName;

public interface RenamePasskeyUseCase {
    /** @throws dev.gatehouse.application.error.NotFoundException another user's passkey, or none */
    Passkey renamePasskey(Principal caller, PasskeyId id, PasskeyName name);
}
