package dev.gatehouse.domain.token;

import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A single-use token mailed to a user: email verification or password reset. Known only by its
 * hash, bound to one user and one purpose. It also remembers when the user's password last
 * changed, so that a password change kills every token issued before it. An email-change token also
 * carries the address it proves ({@code newEmail}, null for the other purposes).
 */
public record OneTimeToken(TokenHash hash, UserId userId, Purpose purpose, Instant createdAt, Instant expiresAt,
                           Instant passwordChangedAt, Instant usedAt, EmailAddress newEmail) {

    public enum Purpose {
        VERIFY_EMAIL(Duration.ofHours(24)),
        PASSWORD_RESET(Duration.ofHours(1)),
        CHANGE_EMAIL(Duration.ofHours(24));

        private final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }

        public Duration lifetime() {
            return lifetime;
        }
    }

    public OneTimeToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
        if ((purpose == Purpose.CHANGE_EMAIL) != (newEmail != null)) {
            throw new IllegalArgumentException("an email-change token, and only one, names the new address");
        }
    }

    public OneTimeToken(TokenHash hash, UserId userId, Purpose purpose, Instant createdAt, Instant expiresAt,
                        Instant passwordChangedAt, Instant usedAt) {
        this(hash, userId, purpose, createdAt, expiresAt, passwordChangedAt, usedAt, null);
    }

    public static OneTimeToken issue(TokenHash hash, User user, Purpose purpose, Instant now) {
        return new OneTimeToken(hash, user.id(), purpose, now, now.plus(purpose.lifetime()), user.passwordChangedAt(), null);
    }

    /** A link that moves {@code user} to {@code newEmail} once the new address's owner follows it. */
    public static OneTimeToken issueEmailChange(TokenHash hash, User user, EmailAddress newEmail, Instant now) {
        Purpose purpose = Purpose.CHANGE_EMAIL;
        return new OneTimeToken(hash, user.id(), purpose, now, now.plus(purpose.lifetime()), user.passwordChangedAt(), null,
                Objects.requireNonNull(newEmail, "newEmail"));
    }

    /** Usable for {@code purpose} by {@code user} right now: unused, unexpired, and issued since the last password change. */
    public boolean isUsable(Purpose expected, User user, Instant now) {
        return purpose == expected
                && usedAt == null
                && now.isBefore(expiresAt)
                && user.id().equals(userId)
                && user.passwordChangedAt().equals(passwordChangedAt);
    }

    public OneTimeToken use(Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("a one-time token is used once");
        }
        return new OneTimeToken(hash, userId, purpose, createdAt, expiresAt, passwordChangedAt, now, newEmail);
    }
}
