package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.passkey.PasskeyChallenge;
import dev.gatehouse.domain.token.TokenHash;
import java.time.Instant;
import java.util.Optional;

/** Outstanding WebAuthn challenges, shared by every instance. */
public interface PasskeyChallengeRepository {
    void save(PasskeyChallenge challenge);

    /**
     * Removes the challenge and returns it, atomically: of two requests presenting one challenge, one gets it.
     * Expired challenges are removed and not returned.
     */
    Optional<PasskeyChallenge> take(TokenHash hash, PasskeyChallenge.Ceremony ceremony, Instant now);

    /** Removes challenges that expired before {@code before}; returns how many. */
    int purge(Instant before);
}
