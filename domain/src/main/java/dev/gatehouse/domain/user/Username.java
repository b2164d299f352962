package dev.gatehouse.domain.user;

import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.shared.Text;

/**
 * 1–150 characters: letters, digits, inner spaces and {@code @ . + - _}, kept as typed (NFC).
 * Unique by {@link #canonical()}, NFKC with full case folding as Django normalises usernames, so
 * "John Smith" and "john smith" are one name, and so are "ａlice", "ſam", "ﬁnn" and "alice", "sam", "finn".
 */
public record Username(String value) {
    public static final int MAX_LENGTH = 150;

    public Username {
        if (value == null) {
            throw new InvalidValueException("This field is required.");
        }
        value = Text.nfc(Text.requireValidUnicode(value));
        if (value.isEmpty()) {
            throw new InvalidValueException("This field may not be blank.");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException("Ensure this field has no more than 150 characters.");
        }
        if (value.startsWith(" ") || value.endsWith(" ") || !value.codePoints().allMatch(Username::allowed)) {
            throw new InvalidValueException(
                    "Enter a valid username. This value may contain only letters, numbers, inner spaces, and @/./+/-/_ characters.");
        }
    }

    private static boolean allowed(int cp) {
        return Character.isLetterOrDigit(cp) || cp == ' ' || cp == '@' || cp == '.' || cp == '+' || cp == '-' || cp == '_';
    }

    public static Username of(String value) {
        return new Username(value);
    }

    public String canonical() {
        return canonicalOf(value);
    }

    /** The canonical form of any typed identifier (NFKC_Casefold of its trimmed text). */
    public static String canonicalOf(String raw) {
        return Text.fold(raw.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
