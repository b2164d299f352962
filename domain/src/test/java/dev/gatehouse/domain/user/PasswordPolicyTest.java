package dev.gatehouse.domain.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private static final String TOO_SHORT = "This password is too short. It must contain at least 8 characters.";
    private static final String COMMON = "This password is too common.";
    private static final String NUMERIC = "This password is entirely numeric.";
    private static final String SIMILAR_EMAIL = "The password is too similar to the email address.";
    private static final String SIMILAR_USERNAME = "The password is too similar to the username.";
    private static final String TOO_LONG = "This password is too long. It must contain at most 1024 bytes.";

    private final PasswordPolicy policy = new PasswordPolicy(8, Set.of("password", "qwertyuiop", "letmein"));
    private final PersonalInformation personal = PersonalInformation.of(EmailAddress.of("John.Smith@example.com"),
            new Profile(Username.of("johnny_b"), "", "", null, null));

    private List<String> violations(String password) {
        return policy.violations(PlainPassword.of(password), personal);
    }

    @Test
    void acceptsAGoodPassword() {
        assertEquals(List.of(), violations("correct horse battery"));
    }

    @Test
    void rejectsTooShortCountingCodePoints() {
        assertEquals(List.of(TOO_SHORT), violations("abcdefg"));
        assertEquals(List.of(), violations("abcdefgh"));
        assertEquals(List.of(TOO_SHORT), violations("😀😀😀😀"), "8 UTF-16 units but 4 characters");
        assertEquals(List.of(), violations("😀😀😀😀😀😀😀😀"));
    }

    @Test
    void rejectsCommonPasswordsCaseInsensitively() {
        assertEquals(List.of(COMMON), violations("Password"));
        assertEquals(List.of(COMMON), violations("QWERTYuiop"));
        assertEquals(List.of(TOO_SHORT, COMMON), violations("letmein"));
    }

    @Test
    void rejectsEntirelyNumericPasswords() {
        assertEquals(List.of(NUMERIC), violations("1234567890"));
        assertEquals(List.of(), violations("1234567890a"));
    }

    @Test
    void rejectsPasswordsTooSimilarToTheUsernameOrEmailAsDjangoDoes() {
        assertEquals(List.of(SIMILAR_EMAIL), violations("JOHN.SMITH@EXAMPLE.COM"));
        assertEquals(List.of(SIMILAR_USERNAME), violations("Johnny_B"));
        // Django compares the pieces between non-word characters and the whole address, not the local part:
        // "john.smith" scores 0.67 against "smith" and 0.63 against the address, under 0.7.
        assertEquals(List.of(), violations("john.smith"));
        assertEquals(List.of(), violations("john.smith!"));
    }

    @Test
    void reportsSimilarityFirstAsDjangosDefaultValidatorsDo() {
        PersonalInformation ann = PersonalInformation.of(EmailAddress.of("ann@example.com"), null);
        assertEquals(List.of(SIMILAR_EMAIL, TOO_SHORT), policy.violations(PlainPassword.of("ann"), ann));
        assertEquals(List.of(TOO_SHORT), policy.violations(PlainPassword.of("ann"), null), "nothing known, nothing compared");
    }

    @Test
    void rejectsMoreThan1024BytesCountingUtf8() {
        assertEquals(List.of(), violations("é".repeat(512)), "512 characters, 1024 bytes");
        assertEquals(List.of(TOO_LONG), violations("é".repeat(513)), "513 characters, 1026 bytes");
        assertEquals(List.of(TOO_LONG), violations("€".repeat(342)), "342 characters, 1026 bytes");
        assertEquals(List.of(TOO_LONG), violations("1".repeat(1025)), "only the length is reported");
        assertEquals(List.of(), violations("a".repeat(1024)));
    }

    @Test
    void plainPasswordIsNormalisedToNfc() {
        PlainPassword decomposed = PlainPassword.of("e\u0301tude-secrete");
        PlainPassword composed = PlainPassword.of("\u00E9tude-secrete");
        assertArrayEquals(composed.utf8(), decomposed.utf8());
        assertEquals(composed.value(), decomposed.value());
        // 600 decomposed "é" are 1,800 bytes as typed but 1,200 after NFC: still over, and judged after NFC.
        assertTrue(PlainPassword.of("e\u0301".repeat(600)).isOverLong());
        assertFalse(PlainPassword.of("e\u0301".repeat(512)).isOverLong(), "1,536 bytes as typed, 1,024 after NFC");
    }
}
