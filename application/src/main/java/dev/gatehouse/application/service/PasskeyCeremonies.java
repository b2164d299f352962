package dev.gatehouse.application.service;

import dev.gatehouse.application.port.out.PasskeyChallengeRepository;
import dev.gatehouse.application.settings.WebAuthnSettings;
import dev.gatehouse.domain.passkey.PasskeyChallenge;
import dev.gatehouse.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/** Hands out WebAuthn challenges and takes them back, once: the part the passkey use cases share. */
public final class PasskeyCeremonies {
    /** 256 bits: far beyond the 16 bytes WebAuthn asks for, and the challenge is its own look-up key. */
    private static final int CHALLENGE_BYTES = 32;

    private final PasskeyChallengeRepository challenges;
    private final WebAuthnSettings settings;
    private final SecureRandom random = new SecureRandom();

    public PasskeyCeremonies(PasskeyChallengeRepository challenges, WebAuthnSettings settings) {
        this.challenges = challenges;
        this.settings = settings;
    }

    public WebAuthnSettings settings() {
        return settings;
    }

    /** Stores a new challenge (only its hash) and returns its bytes for the browser. */
    public byte[] issue(PasskeyChallenge.Ceremony ceremony, UserId user, Instant now) {
        byte[] challenge = new byte[CHALLENGE_BYTES];
        random.nextBytes(challenge);
        challenges.save(new PasskeyChallenge(PasskeyChallenge.hashOf(challenge), ceremony, user, now,
                now.plus(settings.ceremonyTtl())));
        return challenge;
    }

    /** The live challenge with these bytes, spent by this call; empty when unknown, spent already or expired. */
    public Optional<PasskeyChallenge> take(byte[] challenge, PasskeyChallenge.Ceremony ceremony, Instant now) {
        if (challenge == null || challenge.length != CHALLENGE_BYTES) {
            return Optional.empty();
        }
        return challenges.take(PasskeyChallenge.hashOf(challenge), ceremony, now).filter(c -> c.isLiveAt(now));
    }

    /** The account's WebAuthn user handle. */
    public static byte[] userHandle(UserId user) {
        return dev.gatehouse.domain.passkey.UserHandle.of(user);
    }
}
