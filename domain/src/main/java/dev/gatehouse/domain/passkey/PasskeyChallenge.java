package dev.gatehouse.domain.passkey;

import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A WebAuthn challenge handed out for one ceremony. Only its SHA-256 is stored, keyed by that hash: the
 * browser signs the challenge into its client data, so the answer itself names the ceremony, and any
 * instance can finish it. Spent on first use, whatever the outcome.
 *
 * @param user for registration the account adding a passkey; for a sign-in by email the account named
 *             (only its passkeys may answer); null for a usernameless sign-in
 */
public record PasskeyChallenge(TokenHash hash, Ceremony ceremony, UserId user, Instant createdAt, Instant expiresAt) {
    public enum Ceremony { REGISTRATION, AUTHENTICATION }

    public PasskeyChallenge {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(ceremony, "ceremony");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (ceremony == Ceremony.REGISTRATION && user == null) {
            throw new IllegalArgumentException("a registration challenge belongs to an account");
        }
    }

    /** The stored key of a challenge: SHA-256 of its base64url form, the form the browser writes into its client data. */
    public static TokenHash hashOf(byte[] challenge) {
        return TokenHash.of(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(challenge));
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
