package dev.gatehouse.domain.passkey;

import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.shared.Text;

/** What the user calls a passkey ("Work laptop"): trimmed NFC text, 1 to 64 characters, no control characters. */
public record PasskeyName(String value) {
    public static final int MAX_LENGTH = 64;
    public static final PasskeyName DEFAULT = new PasskeyName("Passkey");

    public PasskeyName {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.equals(value.strip())
                || Text.hasControlCharacters(value)) {
            throw new InvalidValueException("A passkey name is 1 to " + MAX_LENGTH + " characters without control characters.");
        }
    }

    /** Normalises what a user typed; a missing or blank name is {@link #DEFAULT}. */
    public static PasskeyName of(String typed) {
        if (typed == null || typed.isBlank()) {
            return DEFAULT;
        }
        if (!Text.isValidUnicode(typed)) {
            throw new InvalidValueException("A passkey name must be valid Unicode text.");
        }
        return new PasskeyName(Text.nfc(typed).strip());
    }

    /** For renaming: a name is required there. */
    public static PasskeyName required(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidValueException("This field may not be blank.");
        }
        return of(typed);
    }
}
