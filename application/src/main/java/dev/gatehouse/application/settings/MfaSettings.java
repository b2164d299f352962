package dev.gatehouse.application.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * Second-factor settings: how long a login may wait for its code, and the name authenticator apps
 * show beside the account.
 */
public record MfaSettings(Duration challengeTtl, String issuerName) {
    public MfaSettings {
        Objects.requireNonNull(challengeTtl, "challengeTtl");
        Objects.requireNonNull(issuerName, "issuerName");
        if (challengeTtl.isNegative() || challengeTtl.isZero() || challengeTtl.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("the MFA challenge lifetime must be between 1 s and 30 min");
        }
        if (issuerName.isBlank() || issuerName.length() > 64 || issuerName.contains(":")) {
            throw new IllegalArgumentException("the MFA issuer name must be 1 to 64 characters, without ':'");
        }
    }
}
