package dev.gatehouse.application.settings;

import java.time.Duration;
import java.util.Objects;

/** The settings an administrator can change at run time (GET/PUT /api/admin/settings). */
public record Tunables(Duration accessTokenTtl, Duration refreshTokenTtl, Duration refreshReuseGrace,
                       VerificationMode verificationMode, int passwordMinLength, RateLimits rateLimits) {
    public Tunables {
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(refreshReuseGrace, "refreshReuseGrace");
        Objects.requireNonNull(verificationMode, "verificationMode");
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    public static Tunables of(AuthSettings settings) {
        return new Tunables(settings.accessTokenTtl(), settings.refreshTokenTtl(), settings.refreshReuseGrace(),
                settings.verificationMode(), settings.passwordPolicy().minLength(), settings.rateLimits());
    }

    /** The base settings with these values; throws IllegalArgumentException when one is out of bounds. */
    public AuthSettings applyTo(AuthSettings base) {
        return base.withTunables(accessTokenTtl, refreshTokenTtl, refreshReuseGrace, verificationMode, passwordMinLength, rateLimits);
    }
}
