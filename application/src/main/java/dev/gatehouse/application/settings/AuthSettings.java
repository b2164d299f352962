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
                           byte[] successorKey, RateLimits rateLimits) {
    public static final Duration MIN_ACCESS_TTL = Duration.ofSeconds(30);
    public static final Duration MAX_ACCESS_TTL = Duration.ofHours(24);
    public static final Duration MIN_REFRESH_TTL = Duration.ofMinutes(5);
    public static final Duration MAX_REFRESH_TTL = Duration.ofDays(365);
    public static final Duration MAX_REUSE_GRACE = Duration.ofMinutes(5);

    /** Default abuse limits. */
    public AuthSettings(String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl,
                        Duration refreshReuseGrace, VerificationMode verificationMode, PasswordPolicy passwordPolicy,
                        byte[] successorKey) {
        this(issuer, audience, accessTokenTtl, refreshTokenTtl, refreshReuseGrace, verificationMode, passwordPolicy,
                successorKey, RateLimits.DEFAULT);
    }

    public AuthSettings {
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(verificationMode, "verificationMode");
        Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        within("access token lifetime", accessTokenTtl, MIN_ACCESS_TTL, MAX_ACCESS_TTL);
        within("refresh token lifetime", refreshTokenTtl, MIN_REFRESH_TTL, MAX_REFRESH_TTL);
        within("refresh reuse grace", refreshReuseGrace, Duration.ZERO, MAX_REUSE_GRACE);
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


    /** The same settings with the runtime-tunable values replaced. */
    public AuthSettings withTunables(Duration accessTtl, Duration refreshTtl, Duration grace, VerificationMode mode,
                                     int passwordMinLength, RateLimits limits) {
        return new AuthSettings(issuer, audience, accessTtl, refreshTtl, grace, mode,
                new PasswordPolicy(passwordMinLength, passwordPolicy.commonPasswords()), successorKey, limits);
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
