package dev.gatehouse.adapter.out.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Verifies passwords against hashes imported from Django's default hasher:
 * {@code pbkdf2_sha256$<iterations>$<salt>$<base64 of the 32-byte PBKDF2-HMAC-SHA256 output>}, exactly as
 * {@code django.contrib.auth.hashers.PBKDF2PasswordHasher} writes them (the password and the salt are
 * taken as UTF-8 bytes, the output length is the digest size). Verification only: Gatehouse never writes
 * this format; a successful login replaces it with Argon2id.
 */
public final class DjangoPbkdf2Verifier {
    public static final String PREFIX = "pbkdf2_sha256$";
    /** Django 5.2 uses 1,000,000; an imported hash asking for far more is refused rather than run. */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int DIGEST_BYTES = 32;
    private static final int MAX_SALT_LENGTH = 256;

    /** The parts of an encoded hash, or null when it is not a well-formed Django PBKDF2-SHA256 hash. */
    record Encoded(int iterations, byte[] salt, byte[] hash) {
        static Encoded parse(String encoded) {
            if (encoded == null || !encoded.startsWith(PREFIX)) {
                return null;
            }
            String[] parts = encoded.split("\\$", -1);
            if (parts.length != 4 || parts[2].isEmpty() || parts[2].length() > MAX_SALT_LENGTH || parts[1].length() > 9
                    || !parts[1].chars().allMatch(c -> c >= '0' && c <= '9') || parts[1].isEmpty()) {
                return null;
            }
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                return null;
            }
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(parts[3]);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (hash.length != DIGEST_BYTES) {
                return null;
            }
            return new Encoded(iterations, parts[2].getBytes(StandardCharsets.UTF_8), hash);
        }
    }

    /** True when {@code encoded} is a Django PBKDF2-SHA256 hash this verifier accepts. */
    public static boolean isSupported(String encoded) {
        return Encoded.parse(encoded) != null;
    }

    /**
     * Constant-time comparison of the derived key with the stored one. False for a malformed hash.
     * The caller's array is not modified.
     */
    public boolean verify(String encoded, byte[] passwordUtf8) {
        Encoded parsed = Encoded.parse(encoded);
        if (parsed == null || passwordUtf8.length == 0) {
            return false;
        }
        byte[] derived = derive(passwordUtf8, parsed.salt(), parsed.iterations());
        try {
            return MessageDigest.isEqual(derived, parsed.hash());
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** PBKDF2-HMAC-SHA256 of UTF-8 bytes, 32 bytes out. */
    static byte[] derive(byte[] passwordUtf8, byte[] salt, int iterations) {
        // PBEKeySpec takes characters and SunJCE encodes them as UTF-8 again: decoding first gives back
        // the very bytes Django hashed for every well-formed UTF-8 password.
        char[] chars = new String(passwordUtf8, StandardCharsets.UTF_8).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, DIGEST_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
