package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's authenticator app: pending from set-up until a first code confirms it, then active.
 * {@code lastUsedStep} is the last time step whose code was accepted; no code of that step or an
 * earlier one is accepted again (RFC 6238 §5.2), so an overheard code cannot be replayed.
 * {@code activation} is the hash of the token the set-up handed out, which a confirmation may present.
 */
public record TotpEnrolment(UserId userId, TotpSecret secret, Instant createdAt, Instant confirmedAt, Long lastUsedStep,
                            Instant lastUsedAt, TokenHash activation) {
    public TotpEnrolment {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static TotpEnrolment pending(UserId userId, TotpSecret secret, TokenHash activation, Instant now) {
        return new TotpEnrolment(userId, secret, now, null, null, null, activation);
    }

    public boolean isActive() {
        return confirmedAt != null;
    }

    /** The enrolment after a code of {@code step} was accepted at {@code now}; the first one confirms it. */
    public TotpEnrolment used(long step, Instant now) {
        return new TotpEnrolment(userId, secret, createdAt, confirmedAt == null ? now : confirmedAt, step, now, activation);
    }
}
