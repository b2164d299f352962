package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.token.TokenHash;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A single-use code that stands in for the authenticator app: 12 characters of a 32-letter alphabet
 * without look-alikes (60 bits), shown as {@code xxxx-xxxx-xxxx}. With that much entropy a plain
 * SHA-256 is a safe way to store it (a leaked table gives no code back) and keeps look-ups exact.
 */
public final class RecoveryCode {
    public static final int COUNT = 10;
    private static final int LENGTH = 12;
    /** No 0/o, 1/l/i, so a code copied from paper reads back unambiguously. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private RecoveryCode() {
    }

    public static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The canonical form of what a user typed (case, dashes and spaces do not matter), or empty when it
     * cannot be one of our codes; nothing else reaches a hash function or the database.
     */
    public static Optional<String> normalise(String presented) {
        if (presented == null || presented.length() > 32) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(LENGTH);
        for (char c : presented.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
            canonical.append(c);
        }
        return canonical.length() == LENGTH ? Optional.of(canonical.toString()) : Optional.empty();
    }

    /** The stored form of a code, from what {@link #generate} or {@link #normalise} gave. */
    public static TokenHash hash(String code) {
        return TokenHash.of(normalise(code).orElseThrow(() -> new IllegalArgumentException("not a recovery code")));
    }
}
