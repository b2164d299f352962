package dev.gatehouse.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where signing keys live, so every instance signs with the same key and verifies what any other
 * instance issued. The private key arrives here already encrypted: the store never sees it in clear.
 */
public interface SigningKeyStore {

    record StoredSigningKey(String kid, String algorithm, String publicJwk, byte[] encryptedPrivateKey,
                            Instant createdAt, Instant retiredAt) {
        public StoredSigningKey {
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(publicJwk, "publicJwk");
            Objects.requireNonNull(encryptedPrivateKey, "encryptedPrivateKey");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        @Override
        public String toString() {
            return "StoredSigningKey[kid=" + kid + ", algorithm=" + algorithm + ", createdAt=" + createdAt + "]";
        }
    }

    /** Every key, newest first. */
    List<StoredSigningKey> findAll();

    /**
     * The newest key that is not retired; when there is none, stores the one {@code create} makes.
     * Safe when several instances start at once: exactly one key is created.
     */
    StoredSigningKey activeOrCreate(Supplier<StoredSigningKey> create);

    /** Retires the active key as of {@code now} and stores the one {@code create} makes, atomically. */
    StoredSigningKey rotate(Supplier<StoredSigningKey> create, java.time.Instant now);
}
