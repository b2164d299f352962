package dev.gatehouse.adapter.out.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.application.port.out.AccessTokenClaims;
import dev.gatehouse.application.port.out.SigningKeyStore;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** ES256 through AWS-LC must be indistinguishable from SunEC's to every verifier, in both directions. */
class NativeEs256Test {
    private static final boolean LINUX_X86_64 = System.getProperty("os.name").startsWith("Linux")
            && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));

    @Test
    void onLinuxX8664TheNativeProviderIsChosenAndOtherwiseTheJdks() {
        assertEquals("SunEC", EcdsaProvider.choose(false).getName(), "turned off: the JDK");
        Provider chosen = EcdsaProvider.choose(true);
        if (LINUX_X86_64) {
            assertEquals("AmazonCorrettoCryptoProvider", chosen.getName());
        } else {
            assertEquals("SunEC", chosen.getName());
        }
        assertTrue(Security.getProvider("AmazonCorrettoCryptoProvider") == null, "never installed process-wide");
    }

    @Test
    void theCrossCheckRefusesAProviderWhoseSignaturesDoNotVerify() {
        // SunEC against a provider that has no ECDSA at all: the check must fail, not pass by default.
        Provider noEc = Security.getProvider("SUN");
        assertThrows(GeneralSecurityException.class, () -> EcdsaProvider.crossCheck(noEc, EcdsaProvider.jdk()));
    }

    @Test
    void tokensSignedNativelyVerifyWithThePlainJdkAndTheOtherWayRound() throws Exception {
        assumeTrue(LINUX_X86_64, "AWS-LC ships natives for Linux x86-64 only");
        KeyEncryption encryption = new KeyEncryption(new byte[32]);
        Store store = new Store();
        NimbusAccessTokenSigner nativeSigner = new NimbusAccessTokenSigner(store, encryption, Clock.systemUTC(), new EcdsaSettings(true));
        NimbusAccessTokenSigner jdkSigner = new NimbusAccessTokenSigner(store, encryption, Clock.systemUTC(), new EcdsaSettings(false));
        String beforeTheSwitch = nativeSigner.sign(claims());
        nativeSigner.awaitProvider();
        jdkSigner.awaitProvider();
        assertTrue(nativeSigner.verify(beforeTheSwitch).isPresent(), "a token signed before the switch still verifies");
        assertEquals("AmazonCorrettoCryptoProvider", nativeSigner.providerName());
        assertEquals("SunEC", jdkSigner.providerName());

        for (int i = 0; i < 50; i++) {
            String byNative = nativeSigner.sign(claims());
            String byJdk = jdkSigner.sign(claims());
            assertTrue(jdkSigner.verify(byNative).isPresent(), "SunEC verifies AWS-LC's token");
            assertTrue(nativeSigner.verify(byJdk).isPresent(), "AWS-LC verifies SunEC's token");
            // And a verifier outside Gatehouse, knowing only the published key set (Nimbus with its defaults).
            ECKey published = (ECKey) JWKSet.parse(Map.of("keys", nativeSigner.publicJwks())).getKeys().getFirst();
            assertTrue(SignedJWT.parse(byNative).verify(new ECDSAVerifier(published)));
        }
        String token = nativeSigner.sign(claims());
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("A") ? "BAA" : "AAA");
        assertFalse(nativeSigner.verify(tampered).isPresent(), "a changed signature is refused");
        assertFalse(new NimbusAccessTokenSigner(store, encryption, Clock.systemUTC(), new EcdsaSettings(false))
                .verify(tampered).isPresent());
    }

    private static AccessTokenClaims claims() {
        Instant now = Instant.now();
        return new AccessTokenClaims("http://localhost", UUID.randomUUID().toString(), "gatehouse", now, now.plusSeconds(300),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), "viewer", true);
    }

    private static final class Store implements SigningKeyStore {
        private final List<StoredSigningKey> keys = new ArrayList<>();

        @Override
        public synchronized List<StoredSigningKey> findAll() {
            return List.copyOf(keys.reversed());
        }

        @Override
        public synchronized StoredSigningKey activeOrCreate(Supplier<StoredSigningKey> create) {
            if (keys.isEmpty()) {
                keys.add(create.get());
            }
            return keys.getLast();
        }

        @Override
        public StoredSigningKey rotate(Supplier<StoredSigningKey> create, Instant now) {
            throw new UnsupportedOperationException();
        }
    }
}
