package dev.gatehouse.application.service;

import dev.gatehouse.application.error.InvalidCredentialsException;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.RateLimiter;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in user proving it is them before a grave change (deleting the account, moving its
 * address). The guesses count against the same per-account lockout as login ({@code login:user:<id>},
 * login_max_failures per lockout window), so a stolen access token cannot brute-force the password here.
 */
public final class PasswordConfirmation {
    private final PasswordHasher hasher;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final SettingsSource settings;
    private final Clock clock;

    public PasswordConfirmation(PasswordHasher hasher, RateLimiter limiter, AuditLog audit, SettingsSource settings, Clock clock) {
        this.hasher = hasher;
        this.limiter = limiter;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws RateLimitedException        when the account is locked out
     * @throws InvalidCredentialsException when the password is wrong (the usual 401)
     */
    public void require(User user, PlainPassword password) {
        RateLimits limits = settings.current().rateLimits();
        Instant now = clock.instant();
        String key = "login:user:" + user.id();
        RateLimiter.Count attempts = limiter.hit(key, limits.lockout(), now);
        if (attempts.hits() > limits.loginMaxFailures()) {
            if (attempts.hits() == limits.loginMaxFailures() + 1) {
                audit.record(AuditEvent.of(now, AuditEvent.Type.LOCKOUT, user.id(), null, null, "account locked"));
            }
            throw new RateLimitedException(Duration.between(now, attempts.windowEnds()));
        }
        if (password == null || password.isOverLong() || !hasher.verify(user.passwordHash(), password)) {
            audit.record(AuditEvent.of(now, AuditEvent.Type.LOGIN_FAILURE, user.id(), null, null, "wrong password (re-authentication)"));
            throw new InvalidCredentialsException();
        }
        limiter.reset(key);
    }
}
