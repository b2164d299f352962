package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.PlainPassword;

/**
 * Every method that hashes throws {@link PasswordHasherBusyException} instead of queueing work without
 * bound when the hasher is saturated.
 */
public interface PasswordHasher {
    PasswordHash hash(PlainPassword password);

    /** Constant-time verification against the hash's own parameters. */
    boolean verify(PasswordHash hash, PlainPassword password);

    /**
     * Throws {@link PasswordHasherBusyException} if a hash asked for now would be refused, so that a use
     * case can refuse before it counts an attempt or reads anything. A hash may still be refused later.
     */
    default void checkCapacity() {
    }

    /** True when the hash was made with weaker parameters than the configured ones. */
    boolean needsRehash(PasswordHash hash);

    /**
     * Spends the same time as {@link #verify} against a hash nobody owns, so that an unknown
     * account cannot be told from a wrong password by timing. Always false.
     */
    boolean verifyAgainstDummy(PlainPassword password);
}
