package dev.gatehouse.domain.shared;

import com.ibm.icu.text.Normalizer2;
import java.text.Normalizer;

/**
 * Small text rules shared by the value objects. ICU4J is allowed here (and only here and in
 * {@code EmailAddress}): it is a pure library, and the identity rules must come from one Unicode
 * implementation, not from the JDK's older tables in one place and ICU's in another.
 */
public final class Text {
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private Text() {
    }

    public static String nfc(String value) {
        return Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /** NFKC with full case folding (Unicode NFKC_Casefold): "ａlice", "ſam", "ﬁnn" become "alice", "sam", "finn". */
    public static String fold(String value) {
        return NFKC_CASEFOLD.normalize(value);
    }

    /** True when every UTF-16 surrogate is paired: the string is Unicode text, not arbitrary code units. */
    public static boolean isValidUnicode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Throws unless the string is valid Unicode; lone surrogates would otherwise collapse to '?' when encoded. */
    public static String requireValidUnicode(String value) {
        if (!isValidUnicode(value)) {
            throw new InvalidValueException("This field must be valid Unicode text.");
        }
        return value;
    }

    /** True when the string holds a control character (C0, DEL, C1) or a lone surrogate. */
    public static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return !isValidUnicode(value);
    }

    /**
     * True when the string holds anything invisible or layout-changing: controls (Cc), format
     * characters (Cf, which includes every bidi embedding, override and isolate), line and
     * paragraph separators (Zl, Zp), or a lone surrogate. Names are shown to other people; none of
     * these belongs in one.
     */
    public static boolean hasInvisibleCharacters(String value) {
        if (!isValidUnicode(value)) {
            return true;
        }
        return value.codePoints().anyMatch(cp -> switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        });
    }
}
