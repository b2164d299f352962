package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.LogInUseCase;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.RateLimiter;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.shared.Text;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

public final class LogInService implements LogInUseCase {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionIssuer issuer;
    private final Transactions transactions;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final SettingsSource settings;
    private final Clock clock;
    private final SecondFactors secondFactors;

    public LogInService(UserRepository users, PasswordHasher hasher, SessionIssuer issuer, Transactions transactions,
                        RateLimiter limiter, AuditLog audit, SettingsSource settings, Clock clock, SecondFactors secondFactors) {
        this.users = users;
        this.hasher = hasher;
        this.issuer = issuer;
        this.transactions = transactions;
        this.limiter = limiter;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.secondFactors = secondFactors;
    }

    @Override
    public LogInResult logIn(LogInCommand command) {
        // Saturated hashing: refuse first, before anything is counted or read (a flood of refusals must stay
        // cheap: not even the per-address counter is written). Once admitted, the password check cannot be
        // refused, so a refusal never counts towards an account's lockout.
        return hasher.withCapacity(() -> admitted(command));
    }

    private LogInResult admitted(LogInCommand command) {
        AuthSettings current = settings.current();
        RateLimits limits = current.rateLimits();
        Instant now = clock.instant();
        String ip = command.client().ip() == null ? "unknown" : command.client().ip();
        RateLimiter.Count fromAddress = limiter.hit("login:ip:" + ip, MINUTE, now);
        if (fromAddress.hits() > limits.loginPerAddressPerMinute()) {
            return throttled(fromAddress, now, null, ip, fromAddress.hits() == limits.loginPerAddressPerMinute() + 1
                    ? AuditEvent.Type.RATE_LIMITED : null, "login attempts from one address");
        }
        String identifier = command.identifier().strip();
        if (identifier.isEmpty() || identifier.length() > MAX_IDENTIFIER_LENGTH || Text.hasControlCharacters(identifier)
                || command.password().isOverLong()) {
            // No account has such a name or password (control characters are refused at registration);
            // no hashing is spent on a request that cannot succeed.
            return refused(LogInResult.Reason.INVALID_CREDENTIALS);
        }
        Optional<User> found = users.findByLogin(identifier);
        // Unknown names are counted like accounts, so a lockout says nothing about whether an account exists.
        String accountKey = found.map(u -> "login:user:" + u.id())
                .orElseGet(() -> "login:name:" + dev.gatehouse.domain.user.Username.canonicalOf(identifier));
        // The attempt is counted before the password is checked: under any concurrency, at most
        // loginMaxFailures guesses are ever checked per lockout window.
        RateLimiter.Count attempts = limiter.hit(accountKey, limits.lockout(), now);
        if (attempts.hits() > limits.loginMaxFailures()) {
            return throttled(attempts, now, found.map(User::id).orElse(null), ip,
                    attempts.hits() == limits.loginMaxFailures() + 1 ? AuditEvent.Type.LOCKOUT : null, "account locked");
        }
        if (found.isEmpty()) {
            hasher.verifyAgainstDummy(command.password());
            audit.record(AuditEvent.of(now, AuditEvent.Type.LOGIN_FAILURE, null, null, ip, "unknown account"));
            return refused(LogInResult.Reason.INVALID_CREDENTIALS);
        }
        User user = found.get();
        if (!hasher.verify(user.passwordHash(), command.password())) {
            audit.record(AuditEvent.of(now, AuditEvent.Type.LOGIN_FAILURE, user.id(), null, ip, "wrong password"));
            return refused(LogInResult.Reason.INVALID_CREDENTIALS);
        }
        limiter.reset(accountKey);
        if (!user.isActive()) {
            return refused(LogInResult.Reason.ACCOUNT_DISABLED);
        }
        if (current.verificationMode() == VerificationMode.MANDATORY && !user.isEmailVerified()) {
            return refused(LogInResult.Reason.EMAIL_NOT_VERIFIED);
        }
        // Parameters raised since this hash was made: upgrade it now, while we hold the password.
        PasswordHash upgraded = hasher.needsRehash(user.passwordHash()) ? hasher.hash(command.password()) : null;
        if (secondFactors.isOn(user.id())) {
            // The password is one factor of two: no session and no recorded login until the code comes.
            return transactions.inTransaction(() -> {
                if (upgraded != null) {
                    user.upgradePasswordHash(upgraded);
                    users.update(user);
                }
                return secondFactors.challenge(user, now);
            });
        }
        SessionIssuer.StartedSession started = transactions.inTransaction(() -> {
            user.recordLogin(now);
            if (upgraded != null) {
                user.upgradePasswordHash(upgraded);
                users.update(user);
            } else {
                users.recordLogin(user);
            }
            audit.record(AuditEvent.of(now, AuditEvent.Type.LOGIN_SUCCESS, user.id(), null, ip, null));
            return issuer.start(user, command.client(), now, dev.gatehouse.domain.session.Assurance.PASSWORD,
                    command.clientId(), command.scope());
        });
        return new LogInResult.LoggedIn(new AuthenticatedUser(user, issuer.tokens(user, started, now)));
    }

    private LogInResult throttled(RateLimiter.Count count, Instant now, dev.gatehouse.domain.user.UserId user, String ip,
                                  AuditEvent.Type firstTime, String detail) {
        if (firstTime != null) {
            audit.record(AuditEvent.of(now, firstTime, user, null, ip, detail));
        }
        return new LogInResult.Throttled(Duration.between(now, count.windowEnds()));
    }

    private static LogInResult refused(LogInResult.Reason reason) {
        return new LogInResult.Refused(reason);
    }
}
