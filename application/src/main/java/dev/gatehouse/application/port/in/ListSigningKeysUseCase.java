package dev.gatehouse.application.port.in;

import java.time.Instant;
import java.util.List;

/** The token signing keys, without their private halves. Administrators only. */
public interface ListSigningKeysUseCase {
    enum KeyState {
        /** signs new tokens */
        ACTIVE,
        /** retired, still published: tokens it signed may still be alive */
        PUBLISHED,
        /** retired long enough that no token it signed can be alive */
        EXPIRED
    }

    record SigningKeyView(String kid, String algorithm, Instant createdAt, Instant retiredAt, KeyState state) {
    }

    /** Newest first. */
    List<SigningKeyView> signingKeys(Principal admin);
}
