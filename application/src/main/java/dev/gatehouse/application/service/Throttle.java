package dev.gatehouse.application.service;

import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.RateLimiter;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Limits on the requests that cost us mail or let a client guess. Each use case that needs a limit
 * calls this first, so no driving adapter can forget one. Login has its own, finer rules inside
 * {@link LogInService}.
 */
public final class Throttle {
    private static final Duration HOUR = Duration.ofHours(1);

    public enum Action {
        /** verify-email/resend, password/reset, email change: per client address and per email address */
        MAIL_REQUEST,
        /** verify-email, password/reset/confirm, email-change confirmation: per client address */
        TOKEN_GUESS,
        /** register: per client address */
        REGISTRATION,
        /** passkey sign-in (options and answer): per client address and minute, the same counter as password login */
        LOGIN,
        /** social sign-in and its browser flow: per client address per minute, as password login */
        SOCIAL_LOGIN
    }

    private final RateLimiter limiter;
    private final AuditLog audit;
    private final SettingsSource settings;
    private final Clock clock;

    public Throttle(RateLimiter limiter, AuditLog audit, SettingsSource settings, Clock clock) {
        this.limiter = limiter;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts one request.
     *
     * @param email the address the request is about, or null
     * @throws RateLimitedException over the limit
     */
    public void admit(Action action, ClientInfo client, EmailAddress email) {
        RateLimits limits = settings.current().rateLimits();
        Instant now = clock.instant();
        String ip = client.ip() == null ? "unknown" : client.ip();
        switch (action) {
            case MAIL_REQUEST -> {
                check("mail:ip:" + ip, limits.mailPerClientPerHour(), now, ip, action);
                if (email != null) {
                    check("mail:to:" + email.canonical(), limits.mailPerAddressPerHour(), now, ip, action);
                }
            }
            case TOKEN_GUESS -> check("token:ip:" + ip, limits.tokenGuessesPerClientPerHour(), now, ip, action);
            case REGISTRATION -> check("register:ip:" + ip, limits.registrationsPerClientPerHour(), now, ip, action);
            case LOGIN -> check("login:ip:" + ip, limits.loginPerAddressPerMinute(), Duration.ofMinutes(1), now, ip, action);
            case SOCIAL_LOGIN -> check("social:ip:" + ip, limits.loginPerAddressPerMinute(), Duration.ofMinutes(1), now, ip,
                    action);
        }
    }

    private void check(String key, int limit, Instant now, String ip, Action action) {
        check(key, limit, HOUR, now, ip, action);
    }

    private void check(String key, int limit, Duration window, Instant now, String ip, Action action) {
        RateLimiter.Count count = limiter.hit(key, window, now);
        if (count.hits() > limit) {
            if (count.hits() == limit + 1) { // once per window, not once per refused request
                audit.record(AuditEvent.of(now, AuditEvent.Type.RATE_LIMITED, null, null, ip, action.name().toLowerCase()));
            }
            throw new RateLimitedException(Duration.between(now, count.windowEnds()));
        }
    }
}
