package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.LogInUseCase;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.shared.Text;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class LogInService implements LogInUseCase {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionIssuer issuer;
    private final Transactions transactions;
    private final AuthSettings settings;
    private final Clock clock;

    public LogInService(UserRepository users, PasswordHasher hasher, SessionIssuer issuer, Transactions transactions,
                        AuthSettings settings, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.issuer = issuer;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public LogInResult logIn(LogInCommand command) {
        String identifier = command.identifier().strip();
        if (identifier.isEmpty() || identifier.length() > MAX_IDENTIFIER_LENGTH || Text.hasControlCharacters(identifier)
                || command.password().isOverLong()) {
            // No account has such a name or password (control characters are refused at registration); no hashing is spent on a request that cannot succeed.
            return refused(LogInResult.Reason.INVALID_CREDENTIALS);
        }
        Optional<User> found = users.findByLogin(identifier);
        if (found.isEmpty()) {
            hasher.verifyAgainstDummy(command.password());
            return refused(LogInResult.Reason.INVALID_CREDENTIALS);
        }
        User user = found.get();
        if (!hasher.verify(user.passwordHash(), command.password())) {
            return refused(LogInResult.Reason.INVALID_CREDENTIALS);
        }
        if (!user.isActive()) {
            return refused(LogInResult.Reason.ACCOUNT_DISABLED);
        }
        if (settings.verificationMode() == VerificationMode.MANDATORY && !user.isEmailVerified()) {
            return refused(LogInResult.Reason.EMAIL_NOT_VERIFIED);
        }
        // Parameters raised since this hash was made: upgrade it now, while we hold the password.
        PasswordHash upgraded = hasher.needsRehash(user.passwordHash()) ? hasher.hash(command.password()) : null;
        Instant now = clock.instant();
        SessionIssuer.StartedSession started = transactions.inTransaction(() -> {
            user.recordLogin(now);
            if (upgraded != null) {
                user.upgradePasswordHash(upgraded);
            }
            users.update(user);
            return issuer.start(user, command.client(), now);
        });
        return new LogInResult.LoggedIn(new AuthenticatedUser(user, issuer.tokens(user, started, now)));
    }

    private static LogInResult refused(LogInResult.Reason reason) {
        return new LogInResult.Refused(reason);
    }
}
