package dev.gatehouse.domain.mfa;

import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The shared key of an authenticator app: 160 random bits, as RFC 4226 recommends for HMAC-SHA-1.
 * Shown to the user once (as base32 and in the otpauth URI) and otherwise kept sealed at rest.
 */
public final class TotpSecret {
    public static final int BYTES = 20;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final byte[] bytes;

    private TotpSecret(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TotpSecret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    public static TotpSecret fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a TOTP secret is " + BYTES + " bytes");
        }
        return new TotpSecret(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** RFC 4648 base32 without padding, the form authenticator apps take (160 bits are exactly 32 characters). */
    public String base32() {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret s && MessageDigest.isEqual(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return TotpSecret.class.hashCode();
    }

    @Override
    public String toString() {
        return "TotpSecret[redacted]";
    }
}
