package dev.gatehouse.bench;

import dev.gatehouse.application.port.out.SigningKeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The signing-key port held in memory: enough for the signer to find its one key. */
final class InMemorySigningKeyStore implements SigningKeyStore {
    private final List<StoredSigningKey> keys = new ArrayList<>();

    @Override
    public synchronized List<StoredSigningKey> findAll() {
        return List.copyOf(keys.reversed());
    }

    @Override
    public synchronized StoredSigningKey activeOrCreate(Supplier<StoredSigningKey> create) {
        for (StoredSigningKey key : keys.reversed()) {
            if (key.retiredAt() == null) {
                return key;
            }
        }
        StoredSigningKey created = create.get();
        keys.add(created);
        return created;
    }

    // No @Override: the port gained rotation after the first version of this benchmark; without the
    // annotation the class compiles against either.
    public synchronized StoredSigningKey rotate(Supplier<StoredSigningKey> create, Instant now) {
        for (int i = 0; i < keys.size(); i++) {
            StoredSigningKey k = keys.get(i);
            if (k.retiredAt() == null) {
                keys.set(i, new StoredSigningKey(k.kid(), k.algorithm(), k.publicJwk(), k.encryptedPrivateKey(), k.createdAt(), now));
            }
        }
        StoredSigningKey created = create.get();
        keys.add(created);
        return created;
    }
}
