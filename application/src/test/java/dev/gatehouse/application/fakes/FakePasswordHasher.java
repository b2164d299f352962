package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.PlainPassword;

/**
 * Instant and transparent: a hash is {@code "$fake$" + password}. Hashes made with "old parameters"
 * are written {@code "$legacy$" + password}: they verify too, and need a rehash.
 */
public final class FakePasswordHasher implements PasswordHasher {
    public static final String PREFIX = "$fake$";
    public static final String LEGACY_PREFIX = "$legacy$";

    public int hashCalls;
    public int verifyCalls;
    public int dummyCalls;

    public static PasswordHash hashOf(String password) {
        return new PasswordHash(PREFIX + password);
    }

    public static PasswordHash legacyHashOf(String password) {
        return new PasswordHash(LEGACY_PREFIX + password);
    }

    @Override
    public PasswordHash hash(PlainPassword password) {
        hashCalls++;
        return hashOf(password.value());
    }

    @Override
    public boolean verify(PasswordHash hash, PlainPassword password) {
        verifyCalls++;
        return hash.phc().equals(PREFIX + password.value()) || hash.phc().equals(LEGACY_PREFIX + password.value());
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return hash.phc().startsWith(LEGACY_PREFIX);
    }

    @Override
    public boolean verifyAgainstDummy(PlainPassword password) {
        dummyCalls++;
        return false;
    }
}
