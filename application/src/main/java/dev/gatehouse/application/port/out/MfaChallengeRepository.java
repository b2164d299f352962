package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.mfa.MfaChallenge;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Logins waiting for their second factor, by the hash of their mfa_token. */
public interface MfaChallengeRepository {
    /** Stores the challenge; the user's expired ones go at the same time. */
    void insert(MfaChallenge challenge, Instant now);

    Optional<MfaChallenge> find(TokenHash hash);

    /** Finds a challenge and locks it until the transaction ends, so it is spent exactly once. */
    Optional<MfaChallenge> lock(TokenHash hash);

    void update(MfaChallenge challenge);

    void delete(TokenHash hash);

    void deleteAllOf(UserId userId);

    /** Removes every challenge that expired before {@code before} (abandoned logins); returns how many. */
    int purgeExpired(Instant before);
}
