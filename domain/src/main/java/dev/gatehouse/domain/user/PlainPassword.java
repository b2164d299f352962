package dev.gatehouse.domain.user;

import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.shared.Text;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A password as typed, normalised to NFC so that the same characters typed on different keyboards
 * hash the same. {@link #toString()} never shows it. {@link #isOverLong()} guards the hasher:
 * anything over 1,024 bytes is refused before a single hash is computed.
 */
public final class PlainPassword {
    public static final int MAX_BYTES = 1024;

    private final String value;

    private PlainPassword(String value) {
        this.value = value;
    }

    public static PlainPassword of(String raw) {
        Objects.requireNonNull(raw, "raw");
        // A lone surrogate encodes to '?', so "Pw\ud800x" and "Pw\udfffx" would hash the same.
        if (!Text.isValidUnicode(raw)) {
            throw new InvalidValueException("The password must be valid Unicode text.");
        }
        // Normalising a huge string is itself work an attacker could ask for: bound it first.
        if (raw.length() > MAX_BYTES * 2) {
            return new PlainPassword(raw);
        }
        return new PlainPassword(Text.nfc(raw));
    }

    public String value() {
        return value;
    }

    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isOverLong() {
        return value.length() > MAX_BYTES || utf8().length > MAX_BYTES;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "PlainPassword[redacted]";
    }

    // Equality on passwords invites non-constant-time comparisons: there is none.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
