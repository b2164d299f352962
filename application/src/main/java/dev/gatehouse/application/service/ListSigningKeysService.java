package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ListSigningKeysUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.SigningKeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

public final class ListSigningKeysService implements ListSigningKeysUseCase {
    private final SigningKeyStore store;
    private final AccessTokenSigner signer;

    public ListSigningKeysService(SigningKeyStore store, AccessTokenSigner signer) {
        this.store = store;
        this.signer = signer;
    }

    @Override
    public List<SigningKeyView> signingKeys(Principal admin) {
        Admins.require(admin);
        // "Published" is whatever the signer publishes in the JWKS right now: one rule, kept where it is applied.
        Set<Object> published = signer.publicJwks().stream().map(jwk -> jwk.get("kid")).collect(Collectors.toSet());
        List<SigningKeyView> keys = new ArrayList<>();
        boolean activeSeen = false;
        for (SigningKeyStore.StoredSigningKey key : store.findAll()) {
            KeyState state;
            if (key.retiredAt() == null && !activeSeen) {
                state = KeyState.ACTIVE;
                activeSeen = true;
            } else {
                state = published.contains(key.kid()) ? KeyState.PUBLISHED : KeyState.EXPIRED;
            }
            keys.add(new SigningKeyView(key.kid(), key.algorithm(), key.createdAt(), key.retiredAt(), state));
        }
        return List.copyOf(keys);
    }
}
