package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.out.crypto.WebAuthn4jPasskeyVerifier;
import dev.gatehouse.application.port.out.PasskeyVerifier;
import dev.gatehouse.application.settings.WebAuthnSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relying party passkeys are bound to, from AUTH_WEBAUTHN_RP_ID, AUTH_WEBAUTHN_ORIGINS (comma-separated) and
 * AUTH_WEBAUTHN_RP_NAME. Unset, they follow the issuer: its origin is the one allowed origin and its host the
 * relying party id, which is right for development on http://localhost:&lt;port&gt; and wrong behind a proxy, where
 * the page's origin is the public one.
 */
@Factory
public class PasskeyFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PasskeyFactory.class);

    // @Context: a relying party id that does not cover an origin stops the service at start-up.
    @Context
    WebAuthnSettings webAuthnSettings(@Value("${auth.webauthn.rp-id:}") String rpId,
                                      @Value("${auth.webauthn.rp-name:Gatehouse}") String rpName,
                                      @Value("${auth.webauthn.origins:}") String origins,
                                      @Value("${auth.webauthn.ceremony-ttl:5m}") Duration ceremonyTtl,
                                      IssuerFactory.Issuer issuer) {
        List<String> allowed = Arrays.stream(origins.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(PasskeyFactory::withoutTrailingSlash).toList();
        if (allowed.isEmpty()) {
            URI url = URI.create(issuer.url());
            allowed = List.of(url.getScheme() + "://" + url.getRawAuthority());
        }
        String id = rpId == null || rpId.isBlank() ? URI.create(allowed.getFirst()).getHost() : rpId;
        try {
            WebAuthnSettings settings = new WebAuthnSettings(id, rpName, allowed, ceremonyTtl);
            LOG.info("Passkeys: relying party {} for {}", settings.rpId(), settings.origins());
            return settings;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Singleton
    PasskeyVerifier passkeyVerifier(WebAuthnSettings settings) {
        return new WebAuthn4jPasskeyVerifier(settings);
    }

    private static String withoutTrailingSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
