package dev.gatehouse.domain.user;

import com.ibm.icu.text.IDNA;
import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.shared.Text;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address: the local part as typed, the domain in its IDNA ASCII form after NFKC and
 * UTS #46 mapping (so "ｅxample.net" is stored as "example.net" and "exämple.net" as
 * "xn--exmple-cua.net"). What is stored is exactly what goes into the SMTP envelope.
 *
 * <p>Two addresses are one account when their {@link #canonical()} forms are equal: the local
 * part lower-cased, the domain in IDNA ASCII form after NFKC and UTS #46 mapping. Mail goes to
 * {@link #envelope()}, which is the stored value itself.
 *
 * <p>The local part must be an ASCII dot-atom (RFC 5322 atext). Non-ASCII local parts need
 * SMTPUTF8 end to end, which a relay may not announce; rather than accept an address that some
 * relay would mangle or bounce, they are refused here, at registration. Quoted local parts are
 * refused too: with no spaces, quotes, controls or angle brackets, no address can carry SMTP
 * parameters (" NOTIFY=NEVER") into an envelope.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    // The top-level label is no bare number: user@10.0.0.1 is not an address we can mail.
    private static final Pattern ASCII_DOMAIN = Pattern.compile("(?:" + LABEL + "\\.)+(?=[a-z0-9-]{2,63}$)(?=[a-z0-9-]*[a-z])" + LABEL);
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.USE_STD3_RULES | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ
            | IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE);

    public EmailAddress {
        if (value == null) {
            throw new InvalidValueException("This field is required.");
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > MAX_LENGTH || Text.hasControlCharacters(v)) {
            throw new InvalidValueException("Enter a valid email address.");
        }
        int at = v.lastIndexOf('@');
        if (at <= 0 || at == v.length() - 1) {
            throw new InvalidValueException("Enter a valid email address.");
        }
        String local = v.substring(0, at);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            throw new InvalidValueException("Enter a valid email address.");
        }
        String ascii = asciiDomain(v.substring(at + 1));
        if ((local + "@" + ascii).length() > MAX_LENGTH) {
            throw new InvalidValueException("Enter a valid email address.");
        }
        value = local + "@" + ascii;
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /** The canonical form of {@code raw} when it is a valid address, for look-ups by a typed identifier. */
    public static Optional<String> canonicalOf(String raw) {
        try {
            return Optional.of(new EmailAddress(raw).canonical());
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    /** The form used for uniqueness and look-ups: local part lower-cased, domain as IDNA ASCII. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** The SMTP envelope recipient: the stored value, pure ASCII (the domain as its A-label). */
    public String envelope() {
        return value;
    }

    private static String asciiDomain(String domain) {
        // UTS #46 maps NFKC, case and fullwidth forms first, then converts each label to its A-label.
        IDNA.Info info = new IDNA.Info();
        String ascii = UTS46.nameToASCII(domain, new StringBuilder(), info).toString();
        if (info.hasErrors() || !ASCII_DOMAIN.matcher(ascii).matches()) {
            throw new InvalidValueException("Enter a valid email address.");
        }
        return ascii;
    }

    @Override
    public String toString() {
        return value;
    }
}
