package dev.gatehouse.domain.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must satisfy. Modelled on NIST SP 800-63B: a minimum length, a hard upper
 * bound, no well-known passwords, nothing that is just the user's own email or username. No
 * composition rules (they make passwords worse, not better).
 */
public record PasswordPolicy(int minLength, Set<String> commonPasswords) {
    public static final int MAX_MIN_LENGTH = 128;

    public PasswordPolicy {
        if (minLength < 8 || minLength > MAX_MIN_LENGTH) {
            throw new IllegalArgumentException("password minimum length must be between 8 and " + MAX_MIN_LENGTH);
        }
        commonPasswords = Set.copyOf(commonPasswords);
    }

    /** Every rule the password breaks, as messages for the user; empty when it is acceptable. */
    public List<String> violations(PlainPassword password, List<String> personalValues) {
        List<String> problems = new ArrayList<>();
        String value = password.value();
        if (password.isOverLong()) {
            problems.add("This password is too long. It must contain at most " + PlainPassword.MAX_BYTES + " bytes.");
            return problems;
        }
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
        for (String personal : personalValues) {
            if (personal == null || personal.length() < 3) {
                continue;
            }
            String p = personal.toLowerCase(Locale.ROOT);
            String localPart = p.contains("@") ? p.substring(0, p.indexOf('@')) : p;
            if (lower.equals(p) || (localPart.length() >= 3 && lower.equals(localPart))) {
                problems.add("The password is too similar to your personal information.");
                break;
            }
        }
        return problems;
    }
}
