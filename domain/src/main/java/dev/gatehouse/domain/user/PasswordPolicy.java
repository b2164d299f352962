package dev.gatehouse.domain.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must satisfy. Modelled on NIST SP 800-63B: a minimum length, a hard upper
 * bound, no well-known passwords, nothing too close to the user's own username, names or email
 * address ({@link UserAttributeSimilarity}, Django's rule with its default 0.7). No composition
 * rules (they make passwords worse, not better). The messages are Django's, in the order of
 * Django's default validators: similarity, length, common, numeric.
 */
public record PasswordPolicy(int minLength, Set<String> commonPasswords) {
    public static final int MAX_MIN_LENGTH = 128;
    private static final UserAttributeSimilarity SIMILARITY = new UserAttributeSimilarity();

    public PasswordPolicy {
        if (minLength < 8 || minLength > MAX_MIN_LENGTH) {
            throw new IllegalArgumentException("password minimum length must be between 8 and " + MAX_MIN_LENGTH);
        }
        commonPasswords = Set.copyOf(commonPasswords);
    }

    /** Every rule the password breaks, as messages for the user; empty when it is acceptable. */
    public List<String> violations(PlainPassword password, PersonalInformation personal) {
        List<String> problems = new ArrayList<>();
        String value = password.value();
        if (password.isOverLong()) {
            problems.add("This password is too long. It must contain at most " + PlainPassword.MAX_BYTES + " bytes.");
            return problems;
        }
        SIMILARITY.violation(value, personal).ifPresent(problems::add);
        int length = value.codePointCount(0, value.length());
        if (length < minLength) {
            problems.add("This password is too short. It must contain at least " + minLength + " characters.");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(lower) || commonPasswords.contains(lower.strip())) {
            problems.add("This password is too common.");
        }
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            problems.add("This password is entirely numeric.");
        }
        return problems;
    }
}
