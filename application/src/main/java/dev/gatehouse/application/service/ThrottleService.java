package dev.gatehouse.application.service;

import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.port.in.ThrottleUseCase;
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

public final class ThrottleService implements ThrottleUseCase {
    private static final Duration HOUR = Duration.ofHours(1);

    private final RateLimiter limiter;
    private final AuditLog audit;
    private final SettingsSource settings;
    private final Clock clock;

    public ThrottleService(RateLimiter limiter, AuditLog audit, SettingsSource settings, Clock clock) {
        this.limiter = limiter;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
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
        }
    }

    private void check(String key, int limit, Instant now, String ip, Action action) {
        RateLimiter.Count count = limiter.hit(key, HOUR, now);
        if (count.hits() > limit) {
            if (count.hits() == limit + 1) { // once per window, not once per refused request
                audit.record(AuditEvent.of(now, AuditEvent.Type.RATE_LIMITED, null, null, ip, action.name().toLowerCase()));
            }
            throw new RateLimitedException(Duration.between(now, count.windowEnds()));
        }
    }
}
