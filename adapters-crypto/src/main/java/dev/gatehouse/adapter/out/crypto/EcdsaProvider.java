package dev.gatehouse.adapter.out.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider that computes ES256 signatures. Every refresh signs one token and every new token
 * is verified once, and in the JDK's SunEC that is 120 µs and 380 µs of pure-Java P-256 arithmetic —
 * most of a refresh's CPU. AWS-LC (through Amazon Corretto Crypto Provider) does the same in about
 * 16 µs and 50 µs, so it is used where its native library loads (Linux x86-64, the jar we ship), and
 * SunEC everywhere else. The choice is made once, proven by a cross-check against SunEC, and only for
 * these signatures: the provider is never installed process-wide.
 */
final class EcdsaProvider {
    private static final Logger LOG = LoggerFactory.getLogger(EcdsaProvider.class);
    static final String ALGORITHM = "SHA256withECDSA";

    private EcdsaProvider() {
    }

    /** The JDK's own provider: always present. */
    static Provider jdk() {
        Provider sunEc = Security.getProvider("SunEC");
        if (sunEc == null) {
            throw new IllegalStateException("the JDK has no SunEC provider");
        }
        return sunEc;
    }

    /**
     * AWS-LC when {@code allowNative} and its library loads and agrees with SunEC on a signature each
     * way; otherwise SunEC. Never fails: a native provider that misbehaves is simply not used.
     */
    static Provider choose(boolean allowNative) {
        if (!allowNative) {
            LOG.info("ES256 through the JDK (SunEC): the native provider is turned off (AUTH_CRYPTO_NATIVE=false)");
            return jdk();
        }
        Provider candidate;
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable loading = accp.getLoadingError();
            if (loading != null) {
                LOG.info("ES256 through the JDK (SunEC): AWS-LC does not load on this platform ({})", loading.toString());
                return jdk();
            }
            candidate = accp;
        } catch (LinkageError e) {
            LOG.info("ES256 through the JDK (SunEC): AWS-LC is not available here ({})", e.toString());
            return jdk();
        }
        try {
            crossCheck(candidate, jdk());
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.warn("ES256 through the JDK (SunEC): AWS-LC failed its cross-check against SunEC ({})", e.toString());
            return jdk();
        }
        LOG.info("ES256 through AWS-LC ({} {})", candidate.getName(), candidate.getVersionStr());
        return candidate;
    }

    /** Each provider verifies what the other signed, with a key made by the JDK as ours are (Nimbus JOSE). */
    static void crossCheck(Provider candidate, Provider reference) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", reference);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] message = "gatehouse ES256 cross-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] byCandidate = sign(candidate, pair, message);
        byte[] byReference = sign(reference, pair, message);
        if (!verify(reference, pair, message, byCandidate) || !verify(candidate, pair, message, byReference)) {
            throw new GeneralSecurityException("signatures do not verify across providers");
        }
        byte[] tampered = message.clone();
        tampered[0] ^= 1;
        if (verify(candidate, pair, tampered, byReference)) {
            throw new GeneralSecurityException("a signature over another message verified");
        }
    }

    private static byte[] sign(Provider provider, KeyPair pair, byte[] message) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM, provider);
        signature.initSign(pair.getPrivate());
        signature.update(message);
        return signature.sign();
    }

    private static boolean verify(Provider provider, KeyPair pair, byte[] message, byte[] sig) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM, provider);
        signature.initVerify(pair.getPublic());
        signature.update(message);
        return signature.verify(sig);
    }
}
