package dev.gatehouse.domain.user;

import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.shared.Text;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as the user typed it, trimmed, with the domain part lower-cased. Two
 * addresses are the same account when their {@link #canonical()} forms are equal: uniqueness is
 * case-insensitive, as users expect even though RFC 5321 allows case-sensitive local parts.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    // No whitespace of any script, no invisible format characters, none of RFC 5322's specials.
    private static final Pattern LOCAL = Pattern.compile("[^\\p{javaWhitespace}\\p{Z}\\p{Cf}@\"(),:;<>\\[\\]\\\\]{1,64}");
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
    // The top-level label is no bare number: user@10.0.0.1 is not an address we can mail.
    private static final Pattern DOMAIN = Pattern.compile("(?:" + LABEL + "\\.)+(?=[\\p{L}\\p{N}-]{2,63}$)(?=[\\p{L}\\p{N}-]*\\p{L})" + LABEL);

    public EmailAddress {
        if (value == null) {
            throw new InvalidValueException("This field is required.");
        }
        value = Text.nfc(value.strip());
        if (value.isEmpty() || value.length() > MAX_LENGTH || Text.hasControlCharacters(value)) {
            throw new InvalidValueException("Enter a valid email address.");
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw new InvalidValueException("Enter a valid email address.");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")
                || !DOMAIN.matcher(domain).matches()) {
            throw new InvalidValueException("Enter a valid email address.");
        }
        value = local + "@" + domain;
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /** The form used for uniqueness and look-ups. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
