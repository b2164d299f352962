package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.out.crypto.AesGcmSealer;
import dev.gatehouse.adapter.out.persistence.MfaSecretSealer;
import dev.gatehouse.adapter.out.persistence.Sealer;
import dev.gatehouse.application.settings.MfaSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Second-factor settings and the sealing of TOTP secrets at rest. */
@Factory
public class MfaFactory {
    // @Context: a bad AUTH_MFA_* value stops the service at start-up, not at the first login.
    @Context
    MfaSettings mfaSettings(@Value("${auth.mfa.challenge-ttl:5m}") Duration challengeTtl,
                            @Value("${auth.mfa.issuer-name:Gatehouse}") String issuerName,
                            @Value("${auth.mfa.recent-login:15m}") Duration recentLogin) {
        try {
            return new MfaSettings(challengeTtl, issuerName, recentLogin);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("AUTH_MFA_CHALLENGE_TTL / AUTH_MFA_ISSUER_NAME / AUTH_MFA_RECENT_LOGIN: " + e.getMessage(), e);
        }
    }

    /** A key of its own, derived from the master key: TOTP secrets are sealed as the signing keys are. */
    @Singleton
    MfaSecretSealer mfaSecretSealer(MasterKey masterKey) {
        AesGcmSealer aes = new AesGcmSealer(masterKey.derive("mfa-totp-secret/v1"));
        return new MfaSecretSealer(new Sealer() {
            @Override
            public byte[] seal(byte[] plaintext, String context) {
                return aes.seal(plaintext, context);
            }

            @Override
            public byte[] open(byte[] sealed, String context) {
                return aes.open(sealed, context);
            }
        });
    }
}
