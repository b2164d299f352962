package dev.gatehouse.bootstrap;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AUTH_MASTER_KEY and the keys derived from it, one per purpose (HMAC-SHA256 as a KDF), so that
 * no two mechanisms ever share key material.
 */
final class MasterKey {
    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    /** Public by design: it protects nothing. It exists so a laptop can run the service with no setup. */
    static final String DEVELOPMENT_KEY = "gatehouse-development-master-key-do-not-use-in-production";
    static final int MIN_LENGTH = 32;

    private final byte[] secret;

    private MasterKey(byte[] secret) {
        this.secret = secret;
    }

    static MasterKey from(String configured) {
        if (configured == null || configured.isBlank()) {
            LOG.warn("""

                    *******************************************************************************
                    *  AUTH_MASTER_KEY is not set: using the built-in DEVELOPMENT key.            *
                    *  Signing keys in the database are NOT protected and refresh tokens can be   *
                    *  forged by anyone who reads this source. Never run like this in production. *
                    *  Set AUTH_MASTER_KEY to at least 32 random characters, for example          *
                    *  AUTH_MASTER_KEY="$(openssl rand -base64 48)"                               *
                    *******************************************************************************""");
            return new MasterKey(DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8));
        }
        if (configured.length() < MIN_LENGTH) {
            throw new IllegalStateException("AUTH_MASTER_KEY must be at least " + MIN_LENGTH + " characters long");
        }
        return new MasterKey(configured.getBytes(StandardCharsets.UTF_8));
    }

    byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("gatehouse/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
