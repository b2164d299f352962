package dev.gatehouse.application.settings;

import dev.gatehouse.domain.user.PasswordPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * What the use cases need to know about their configuration. Built in bootstrap from
 * configuration and passed inward; nothing in here reads the environment itself.
 *
 * @param successorKey key of the HMAC that derives a refresh token's successor from the token
 *                     itself: the grace-window replay can then hand back the same successor while
 *                     only hashes are stored.
 */
public record AuthSettings(String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl,
                           Duration refreshReuseGrace, VerificationMode verificationMode, PasswordPolicy passwordPolicy,
                           byte[] successorKey) {
    public AuthSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(verificationMode, "verificationMode");
        Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        within("access token lifetime", accessTokenTtl, Duration.ofSeconds(30), Duration.ofHours(24));
        within("refresh token lifetime", refreshTokenTtl, Duration.ofMinutes(5), Duration.ofDays(365));
        within("refresh reuse grace", refreshReuseGrace, Duration.ZERO, Duration.ofMinutes(5));
        if (successorKey == null || successorKey.length < 32) {
            throw new IllegalArgumentException("the successor key must have at least 256 bits");
        }
        successorKey = successorKey.clone();
    }

    private static void within(String what, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, what);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    @Override
    public byte[] successorKey() {
        return successorKey.clone();
    }

    @Override
    public String toString() {
        return "AuthSettings[issuer=" + issuer + ", audience=" + audience + ", accessTokenTtl=" + accessTokenTtl
                + ", refreshTokenTtl=" + refreshTokenTtl + ", refreshReuseGrace=" + refreshReuseGrace
                + ", verificationMode=" + verificationMode + ", passwordMinLength=" + passwordPolicy.minLength() + "]";
    }
}
