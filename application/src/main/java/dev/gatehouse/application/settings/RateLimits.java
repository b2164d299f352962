package dev.gatehouse.application.settings;

import java.time.Duration;

/**
 * Abuse limits. Failed logins lock an account for {@code lockout} after {@code loginMaxFailures}
 * tries in a row; the other limits are fixed windows per client address or per email address.
 */
public record RateLimits(int loginMaxFailures, Duration lockout, int loginPerAddressPerMinute, int mailPerAddressPerHour,
                         int mailPerClientPerHour, int tokenGuessesPerClientPerHour, int registrationsPerClientPerHour) {
    public static final RateLimits DEFAULT = new RateLimits(5, Duration.ofMinutes(15), 30, 5, 20, 30, 20);

    public RateLimits {
        between("login_max_failures", loginMaxFailures, 1, 100);
        if (lockout == null || lockout.compareTo(Duration.ofSeconds(1)) < 0 || lockout.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("lockout must be between 1 second and 1 day");
        }
        between("login_per_address_per_minute", loginPerAddressPerMinute, 1, 100_000);
        between("mail_per_address_per_hour", mailPerAddressPerHour, 1, 1_000);
        between("mail_per_client_per_hour", mailPerClientPerHour, 1, 100_000);
        between("token_guesses_per_client_per_hour", tokenGuessesPerClientPerHour, 1, 100_000);
        between("registrations_per_client_per_hour", registrationsPerClientPerHour, 1, 100_000);
    }

    private static void between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
