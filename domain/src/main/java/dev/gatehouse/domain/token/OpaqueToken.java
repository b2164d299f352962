package dev.gatehouse.domain.token;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A bearer secret handed to a client once (refresh, verification, reset): 256 random bits,
 * base64url without padding (43 characters). Only its {@link TokenHash} is ever stored.
 */
public final class OpaqueToken {
    public static final int BYTES = 32;
    public static final int ENCODED_LENGTH = 43;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String value;

    private OpaqueToken(String value) {
        this.value = value;
    }

    public static OpaqueToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return fromBytes(bytes);
    }

    public static OpaqueToken fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a token is " + BYTES + " bytes");
        }
        return new OpaqueToken(ENCODER.encodeToString(bytes));
    }

    /**
     * Accepts a string presented by a client only when it has the exact shape of a token we issue;
     * anything else is refused before it reaches a hash function or the database.
     */
    public static java.util.Optional<OpaqueToken> parse(String presented) {
        if (presented == null || presented.length() != ENCODED_LENGTH) {
            return java.util.Optional.empty();
        }
        for (int i = 0; i < presented.length(); i++) {
            char c = presented.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(new OpaqueToken(presented));
    }

    public String value() {
        return value;
    }

    public TokenHash hash() {
        return TokenHash.of(value);
    }

    @Override
    public String toString() {
        return "OpaqueToken[redacted]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpaqueToken o && TokenHash.constantTimeEquals(value.getBytes(), o.value.getBytes());
    }

    @Override
    public int hashCode() {
        return Objects.hash(OpaqueToken.class);
    }
}
