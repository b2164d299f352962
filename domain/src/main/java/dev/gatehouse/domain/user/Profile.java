package dev.gatehouse.domain.user;

import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.shared.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields a user may edit about themselves. Each field has its own checker so an adapter can
 * report a broken rule against the field that broke it.
 */
public record Profile(Username username, String firstName, String lastName, String phoneNumber, String avatar) {
    public static final int MAX_NAME_LENGTH = 150;
    public static final int MAX_PHONE_LENGTH = 32;
    public static final int MAX_AVATAR_LENGTH = 2048;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{2,31}");

    public static final Profile EMPTY = new Profile(null, "", "", null, null);

    public Profile {
        firstName = name(firstName);
        lastName = name(lastName);
        phoneNumber = phoneNumber(phoneNumber);
        avatar = avatar(avatar);
    }

    /**
     * A first or last name: trimmed, at most 150 characters; null means empty. No controls, format
     * characters (bidi overrides among them), line or paragraph separators: a name is shown to others.
     */
    public static String name(String value) {
        if (value == null) {
            return "";
        }
        String v = Text.nfc(value.strip());
        if (v.codePointCount(0, v.length()) > MAX_NAME_LENGTH) {
            throw new InvalidValueException("Ensure this field has no more than 150 characters.");
        }
        if (Text.hasInvisibleCharacters(v)) {
            throw new InvalidValueException("This field may not contain control, format or separator characters.");
        }
        return v;
    }

    /** An optional phone number in a loose international form; blank means none. */
    public static String phoneNumber(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_PHONE_LENGTH || !PHONE.matcher(v).matches()) {
            throw new InvalidValueException("Enter a valid phone number.");
        }
        return v;
    }

    /** An optional absolute http(s) URL to a picture; blank means none. */
    public static String avatar(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_AVATAR_LENGTH || Text.hasControlCharacters(v)) {
            throw new InvalidValueException("Enter a valid URL.");
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new InvalidValueException("Enter a valid URL.");
            }
        } catch (URISyntaxException e) {
            throw new InvalidValueException("Enter a valid URL.");
        }
        return v;
    }
}
