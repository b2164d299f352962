package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Registered passkeys. Writes join the caller's transaction when there is one. */
public interface PasskeyRepository {
    /** @throws DuplicatePasskeyException the credential id is registered already (to anyone) */
    void insert(Passkey passkey);

    Optional<Passkey> findByCredentialId(byte[] credentialId);

    /** Oldest first. */
    List<Passkey> listFor(UserId user);

    Optional<Passkey> find(UserId user, PasskeyId id);

    /** The name alone: a rename must never write back a sign counter it read earlier. */
    void rename(Passkey passkey);

    /**
     * A verified sign-in's counter, backup state and last use, only if the stored counter is still
     * {@code previousCount} (compare-and-set): of two sign-ins presenting the same counter — a cloned key — one wins.
     *
     * @return false when the counter moved meanwhile (nothing written)
     */
    boolean recordUse(Passkey passkey, long previousCount);

    /** @return false when the user has no such passkey */
    boolean delete(UserId user, PasskeyId id);

    final class DuplicatePasskeyException extends RuntimeException {
        public DuplicatePasskeyException() {
            super("credential id already registered", null, false, false);
        }
    }
}
