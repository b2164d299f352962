package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ListPasskeysUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.PasskeyRepository;
import dev.gatehouse.domain.passkey.Passkey;
import java.util.List;

public final class ListPasskeysService implements ListPasskeysUseCase {
    private final PasskeyRepository passkeys;

    public ListPasskeysService(PasskeyRepository passkeys) {
        this.passkeys = passkeys;
    }

    @Override
    public List<Passkey> listPasskeys(Principal caller) {
        return passkeys.listFor(caller.user().id());
    }
}
