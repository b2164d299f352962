package dev.gatehouse.application.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * Second-factor settings: how long a login may wait for its code, the name authenticator apps
 * show beside the account, and how recent a login must be to start adding an app.
 */
public record MfaSettings(Duration challengeTtl, String issuerName, Duration recentLogin) {
    public MfaSettings {
        Objects.requireNonNull(challengeTtl, "challengeTtl");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(recentLogin, "recentLogin");
        if (recentLogin.compareTo(Duration.ofMinutes(1)) < 0 || recentLogin.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the recent-login window must be between 1 min and 24 h");
        }
        if (challengeTtl.isNegative() || challengeTtl.isZero() || challengeTtl.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("the MFA challenge lifetime must be between 1 s and 30 min");
        }
        if (issuerName.isBlank() || issuerName.length() > 64 || issuerName.contains(":")) {
            throw new IllegalArgumentException("the MFA issuer name must be 1 to 64 characters, without ':'");
        }
    }
}
