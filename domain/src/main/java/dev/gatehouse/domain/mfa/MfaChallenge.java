package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.session.Assurance;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A login that got the password right and now waits for the second factor: known only by the hash of
 * its opaque {@code mfa_token}, bound to the user and to the password in force when it was opened
 * (a password change kills it), single use, short-lived, and dead after {@link #MAX_FAILURES} wrong codes.
 */
public record MfaChallenge(TokenHash hash, UserId userId, Instant passwordChangedAt, Instant createdAt, Instant expiresAt,
                           int failures, Assurance.Method firstFactor) {
    public static final int MAX_FAILURES = 5;

    public MfaChallenge {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(firstFactor, "firstFactor");
    }

    /** A login that passed {@code firstFactor} (a password, or a provider's word) and waits for the code. */
    public static MfaChallenge open(TokenHash hash, User user, Instant now, java.time.Duration lifetime, Assurance.Method firstFactor) {
        return new MfaChallenge(hash, user.id(), user.passwordChangedAt(), now, now.plus(lifetime), 0, firstFactor);
    }

    public boolean isUsableBy(User user, Instant now) {
        return failures < MAX_FAILURES && now.isBefore(expiresAt) && user.id().equals(userId)
                && user.passwordChangedAt().equals(passwordChangedAt);
    }

    public MfaChallenge failed() {
        return new MfaChallenge(hash, userId, passwordChangedAt, createdAt, expiresAt, failures + 1, firstFactor);
    }

    public boolean isExhausted() {
        return failures >= MAX_FAILURES;
    }
}
