package dev.gatehouse.domain.user;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stored password hash. Never the password. Two encodings are accepted:
 * <ul>
 *   <li>a PHC string ({@code $argon2id$v=19$m=...}): what this service writes;</li>
 *   <li>Django's encoding ({@code <algorithm>$<fields…>}, e.g. {@code pbkdf2_sha256$600000$salt$hash}, or an
 *       unusable password {@code !…}): what an import from Django brings in. The hasher verifies the ones it
 *       knows and asks for an upgrade, so they become PHC strings at the next successful login.</li>
 * </ul>
 * An imported Django encoding is at most {@link #MAX_LENGTH} characters of printable ASCII.
 */
public record PasswordHash(String phc) {
    public static final int MAX_LENGTH = 512;
    private static final Pattern DJANGO = Pattern.compile("[a-z][a-z0-9_]{0,31}\\$.+|!.*");

    public PasswordHash {
        Objects.requireNonNull(phc, "phc");
        if (!phc.startsWith("$") && (phc.length() > MAX_LENGTH || !phc.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                || !DJANGO.matcher(phc).matches())) {
            throw new IllegalArgumentException("not a PHC string or a Django password hash");
        }
    }

    /**
     * No password at all: an account created by a social sign-in, until its owner sets one with a reset
     * link. Django's own spelling of an unusable password ({@code !} and random characters), so password
     * login treats it exactly like a wrong password, and an export to Django keeps its meaning.
     */
    public static PasswordHash unusable(java.security.SecureRandom random) {
        StringBuilder b = new StringBuilder("!");
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 40; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return new PasswordHash(b.toString());
    }

    /** False for an unusable password ({@link #unusable}): no password will ever match it. */
    public boolean isUsable() {
        return !phc.startsWith("!");
    }

    /** True for a PHC string (this service's own format); false for an imported Django encoding. */
    public boolean isPhc() {
        return phc.startsWith("$");
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
