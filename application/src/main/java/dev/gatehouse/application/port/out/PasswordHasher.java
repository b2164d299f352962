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
     * Runs {@code work} with room for one hash reserved for it, or throws {@link PasswordHasherBusyException}
     * at once when there is none: a use case refuses before it counts an attempt or reads anything, and the
     * first hash inside {@code work} cannot be refused any more. Further hashes in it are admitted as usual.
     */
    default <T> T withCapacity(java.util.function.Supplier<T> work) {
        return work.get();
    }

    /** True when the hash was made with weaker parameters than the configured ones. */
    boolean needsRehash(PasswordHash hash);

    /**
     * Spends the same time as {@link #verify} against a hash nobody owns, so that an unknown
     * account cannot be told from a wrong password by timing. Always false.
     */
    boolean verifyAgainstDummy(PlainPassword password);
}
