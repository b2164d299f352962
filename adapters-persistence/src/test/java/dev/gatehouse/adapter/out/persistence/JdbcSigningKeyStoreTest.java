package dev.gatehouse.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.application.port.out.SigningKeyStore.StoredSigningKey;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class JdbcSigningKeyStoreTest extends PostgresTest {
    @Inject
    JdbcSigningKeyStore store;

    @Test
    void instancesStartingTogetherCreateExactlyOneKey() throws Exception {
        AtomicInteger created = new AtomicInteger();
        Callable<StoredSigningKey> startInstance = () -> store.activeOrCreate(() -> {
            created.incrementAndGet();
            return new StoredSigningKey(UUID.randomUUID().toString(), "ES256", "{\"kty\":\"EC\"}", new byte[] {1, 2, 3}, now(), null);
        });
        var pool = Executors.newFixedThreadPool(6);
        List<Future<StoredSigningKey>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(startInstance));
            }
            Set<String> kids = results.stream().map(f -> {
                try {
                    return f.get().kid();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toSet());
            assertEquals(1, kids.size(), "every instance uses the same key");
            assertEquals(1, created.get(), "only one key was generated");
            StoredSigningKey stored = store.findAll().stream().filter(k -> kids.contains(k.kid())).findFirst().orElseThrow();
            assertArrayEquals(new byte[] {1, 2, 3}, stored.encryptedPrivateKey());
        } finally {
            pool.shutdownNow();
        }
    }
}
