package dev.gatehouse.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * SHA-256 of a token. Tokens carry 256 bits of entropy, so a plain (unsalted, fast) hash is
 * enough: a leaked table does not give the tokens back, and look-ups stay one index probe.
 */
public final class TokenHash {
    private final byte[] bytes;

    private TokenHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TokenHash of(String token) {
        try {
            return new TokenHash(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    public static TokenHash fromBytes(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a token hash is 32 bytes");
        }
        return new TokenHash(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenHash h && MessageDigest.isEqual(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        // The first bytes of a hash are safe to show and help an operator correlate log lines.
        return "TokenHash[" + HexFormat.of().formatHex(bytes, 0, 4) + "…]";
    }
}
