package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.PublishKeysUseCase;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.SettingsSource;
import java.util.List;
import java.util.Map;

public final class PublishKeysService implements PublishKeysUseCase {
    private final AccessTokenSigner signer;
    private final SettingsSource settings;

    public PublishKeysService(AccessTokenSigner signer, SettingsSource settings) {
        this.signer = signer;
        this.settings = settings;
    }

    @Override
    public List<Map<String, Object>> publicKeys() {
        return signer.publicJwks();
    }

    @Override
    public String issuer() {
        return settings.current().issuer();
    }
}
