package dev.gatehouse.application.port.in;

import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.application.settings.Tunables;
import dev.gatehouse.application.settings.VerificationMode;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

public interface ManageSettingsUseCase {
    record CurrentSettings(Tunables tunables, long version, Instant updatedAt) {
    }

    /** The runtime settings, by what they are rather than by any wire name; adapters name them. */
    enum Setting {
        ACCESS_TOKEN_TTL, REFRESH_TOKEN_TTL, REFRESH_REUSE_GRACE, VERIFICATION_MODE, PASSWORD_MIN_LENGTH, RATE_LIMITS
    }

    /** New values for the abuse limits; a null keeps the stored value. */
    record RateLimitsChange(Integer loginMaxFailures, Duration lockout, Integer loginPerAddressPerMinute,
                            Integer mailPerAddressPerHour, Integer mailPerClientPerHour, Integer tokenGuessesPerClientPerHour,
                            Integer registrationsPerClientPerHour) {
        RateLimits applyTo(RateLimits current) {
            return new RateLimits(or(loginMaxFailures, current.loginMaxFailures()), or(lockout, current.lockout()),
                    or(loginPerAddressPerMinute, current.loginPerAddressPerMinute()),
                    or(mailPerAddressPerHour, current.mailPerAddressPerHour()), or(mailPerClientPerHour, current.mailPerClientPerHour()),
                    or(tokenGuessesPerClientPerHour, current.tokenGuessesPerClientPerHour()),
                    or(registrationsPerClientPerHour, current.registrationsPerClientPerHour()));
        }
    }

    /** A change to the settings: a null keeps the stored value, so a full replacement names every one. */
    record SettingsChange(Duration accessTokenTtl, Duration refreshTokenTtl, Duration refreshReuseGrace,
                          VerificationMode verificationMode, Integer passwordMinLength, RateLimitsChange rateLimits) {
        public static SettingsChange replacingWith(Tunables t) {
            RateLimits l = t.rateLimits();
            return new SettingsChange(t.accessTokenTtl(), t.refreshTokenTtl(), t.refreshReuseGrace(), t.verificationMode(),
                    t.passwordMinLength(), new RateLimitsChange(l.loginMaxFailures(), l.lockout(), l.loginPerAddressPerMinute(),
                    l.mailPerAddressPerHour(), l.mailPerClientPerHour(), l.tokenGuessesPerClientPerHour(),
                    l.registrationsPerClientPerHour()));
        }

        /**
         * The stored values with this change applied.
         *
         * @throws IllegalArgumentException when a rate limit is out of its bounds
         */
        public Tunables applyTo(Tunables current) {
            return new Tunables(or(accessTokenTtl, current.accessTokenTtl()), or(refreshTokenTtl, current.refreshTokenTtl()),
                    or(refreshReuseGrace, current.refreshReuseGrace()), or(verificationMode, current.verificationMode()),
                    or(passwordMinLength, current.passwordMinLength()),
                    rateLimits == null ? current.rateLimits() : rateLimits.applyTo(current.rateLimits()));
        }
    }

    private static <T> T or(T value, T current) {
        return value == null ? current : value;
    }

    CurrentSettings get(Principal admin);

    /**
     * Applies the change to the stored settings (each value checked against its bounds); every
     * instance applies them within seconds.
     *
     * @param expectedVersion when present, the version the caller read: a write over a newer one is refused
     * @throws dev.gatehouse.application.error.SettingsRejectedException a value out of bounds, by setting
     * @throws dev.gatehouse.application.error.SettingsConflictException the stored version is not the expected one
     */
    CurrentSettings update(Principal admin, SettingsChange change, OptionalLong expectedVersion);
}
