package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys live in PostgreSQL: another instance, or this one after a restart, verifies what was issued. */
class SigningKeysAcrossInstancesTest {
    private static final Map<String, String> SHARED_ISSUER = Map.of("auth.issuer", "http://gatehouse.test");

    @Test
    void aSecondInstanceVerifiesTokensOfTheFirstAndServesTheSameKeys() {
        // Instances behind one name share AUTH_ISSUER (the default names each one's own port).
        try (StandaloneServer first = new StandaloneServer(SHARED_ISSUER)) {
            HttpTest.Response registered = first.send("POST", "/api/auth/register",
                    "{\"email\":\"" + HttpTest.uniqueEmail() + "\",\"password\":\"" + HttpTest.PASSWORD + "\"}");
            assertEquals(201, registered.status(), registered.body());
            String access = registered.string("access");
            String jwks = first.send("GET", "/.well-known/jwks.json", null).body();
            first.close();

            try (StandaloneServer second = new StandaloneServer(SHARED_ISSUER)) {
                assertEquals(200, second.send("POST", "/api/auth/token/verify", "{\"token\":\"" + access + "\"}").status());
                assertEquals(200, second.send("GET", "/api/auth/me", null, "Authorization", HttpTest.bearer(access)).status());
                assertEquals(jwks, second.send("GET", "/.well-known/jwks.json", null).body());
                HttpTest.Response refreshed = second.send("POST", "/api/auth/refresh",
                        "{\"refresh\":\"" + registered.string("refresh") + "\"}");
                assertEquals(200, refreshed.status(), "a refresh token issued by the first instance rotates on the second");
            }
        }
    }

    @Test
    void aWrongMasterKeyStopsTheServiceAtStartup() {
        try (StandaloneServer ignored = new StandaloneServer(Map.of())) {
            assertTrue(true, "keys exist under the test master key");
        }
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> new StandaloneServer(Map.of("auth.master-key", "a-different-master-key-0123456789-abcdef")).close());
        Throwable root = failure;
        boolean explained = false;
        while (root != null) {
            explained |= String.valueOf(root.getMessage()).contains("AUTH_MASTER_KEY");
            root = root.getCause();
        }
        assertTrue(explained, "the failure names AUTH_MASTER_KEY: " + failure);
    }
}
