package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.passkey.Passkey;
import java.util.List;

public interface ListPasskeysUseCase {
    /** The caller's passkeys, oldest first. */
    List<Passkey> listPasskeys(Principal caller);
}
