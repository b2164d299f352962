package dev.gatehouse.domain.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a password that is too close to the user's own username, first name, last name or email
 * address, with the algorithm of Django's {@code UserAttributeSimilarityValidator} (Django 4.2 and
 * later), so that a password Django would refuse is refused here too, with the same message.
 *
 * <p>Each attribute is lower-cased and compared whole and in the pieces between its non-word
 * characters ({@code "ann.lee@example.com"} gives {@code ann}, {@code lee}, {@code example},
 * {@code com} and the whole address). The score of a pair is the upper bound that Python's
 * {@code difflib.SequenceMatcher.quick_ratio()} computes: {@code 2 * M / (len(password) + len(piece))},
 * where {@code M} is the size of the multiset intersection of their characters, order ignored.
 * A score of at least {@link #maxSimilarity()} refuses the password. A piece so short that it is
 * at most a tenth of the password and cannot reach that score anyway is skipped without scoring,
 * as Django does. Lengths count code points, as Python's {@code len} does.
 *
 * <p>The attributes are tried in Django's order (username, first name, last name, email address)
 * and the first refusal is the only one reported.
 */
public final class UserAttributeSimilarity {
    /** Django's default. */
    public static final double DEFAULT_MAX_SIMILARITY = 0.7;

    private final double maxSimilarity;

    public UserAttributeSimilarity() {
        this(DEFAULT_MAX_SIMILARITY);
    }

    public UserAttributeSimilarity(double maxSimilarity) {
        if (!(maxSimilarity >= 0.1)) {
            throw new IllegalArgumentException("max_similarity must be at least 0.1");
        }
        this.maxSimilarity = maxSimilarity;
    }

    public double maxSimilarity() {
        return maxSimilarity;
    }

    /** The message when the password is too similar to one of the attributes, else empty. */
    public Optional<String> violation(String password, PersonalInformation info) {
        if (info == null) {
            return Optional.empty();
        }
        int[] pwd = password.toLowerCase(Locale.ROOT).codePoints().toArray();
        List<String[]> attributes = List.of(
                new String[] {"username", info.username() == null ? null : info.username().value()},
                new String[] {"first name", info.firstName()},
                new String[] {"last name", info.lastName()},
                new String[] {"email address", info.email() == null ? null : info.email().value()});
        for (String[] attribute : attributes) {
            String value = attribute[1];
            if (value == null || value.isEmpty()) {
                continue;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            List<String> parts = splitOnNonWord(lower);
            parts.add(lower);
            for (String part : parts) {
                int[] piece = part.codePoints().toArray();
                if (exceedsMaximumLengthRatio(pwd.length, maxSimilarity, piece.length)) {
                    continue;
                }
                if (quickRatio(pwd, piece) >= maxSimilarity) {
                    return Optional.of("The password is too similar to the " + attribute[0] + ".");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Django's {@code exceeds_maximum_length_ratio}: true when the piece is at most a tenth of the
     * password and shorter than {@code maxSimilarity / 2 * len(password)}, so its score is too low to matter.
     */
    static boolean exceedsMaximumLengthRatio(int passwordLength, double maxSimilarity, int valueLength) {
        double lengthBoundSimilarity = maxSimilarity / 2 * passwordLength;
        return passwordLength >= 10 * valueLength && valueLength < lengthBoundSimilarity;
    }

    /**
     * {@code difflib.SequenceMatcher(a=a, b=b).quick_ratio()}: twice the number of elements the two
     * sequences share as multisets, over their total length; 1.0 when both are empty.
     */
    static double quickRatio(int[] a, int[] b) {
        Map<Integer, Integer> available = new HashMap<>();
        for (int element : b) {
            available.merge(element, 1, Integer::sum);
        }
        int matches = 0;
        for (int element : a) {
            Integer left = available.get(element);
            if (left != null && left > 0) {
                available.put(element, left - 1);
                matches++;
            }
        }
        int length = a.length + b.length;
        return length == 0 ? 1.0 : 2.0 * matches / length;
    }

    /**
     * Python's {@code re.split(r"\W+", value)} on a str: the runs of word characters between runs of
     * non-word characters, with an empty string first or last when the value starts or ends with one.
     */
    static List<String> splitOnNonWord(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inSeparator = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (isWord(cp)) {
                inSeparator = false;
                current.appendCodePoint(cp);
            } else if (!inSeparator) {
                inSeparator = true;
                parts.add(current.toString());
                current.setLength(0);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /**
     * Python's Unicode {@code \w}: {@code str.isalnum()} or the underscore, that is letters (Lu, Ll,
     * Lt, Lm, Lo), numbers (Nd, Nl, No) and '_'. Unlike Java's {@code \w}, combining marks are not
     * word characters.
     */
    static boolean isWord(int cp) {
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
