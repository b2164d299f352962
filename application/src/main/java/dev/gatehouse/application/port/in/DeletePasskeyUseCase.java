package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.session.ClientInfo;

public interface DeletePasskeyUseCase {
    /** @throws dev.gatehouse.application.error.NotFoundException another user's passkey, or none */
    void deletePasskey(Principal caller, PasskeyId id, ClientInfo client);
}
