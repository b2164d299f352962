package dev.gatehouse.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The inputs and decisions below were checked against Django's UserAttributeSimilarityValidator
 * semantics (Python's re.split(r"\W+") and difflib.SequenceMatcher.quick_ratio, max_similarity 0.7).
 */
class UserAttributeSimilarityTest {
    private static final String USERNAME = "The password is too similar to the username.";
    private static final String FIRST_NAME = "The password is too similar to the first name.";
    private static final String LAST_NAME = "The password is too similar to the last name.";
    private static final String EMAIL = "The password is too similar to the email address.";

    private final UserAttributeSimilarity similarity = new UserAttributeSimilarity();

    private static PersonalInformation user(String username, String first, String last, String email) {
        return new PersonalInformation(username == null ? null : Username.of(username), first, last,
                email == null ? null : EmailAddress.of(email));
    }

    private Optional<String> check(String password, PersonalInformation info) {
        return similarity.violation(password, info);
    }

    @Test
    void defaultIsDjangosAndTooLowAThresholdIsRefused() {
        assertEquals(0.7, similarity.maxSimilarity());
        assertEquals(0.1, new UserAttributeSimilarity(0.1).maxSimilarity());
        assertThrows(IllegalArgumentException.class, () -> new UserAttributeSimilarity(0.09));
        assertThrows(IllegalArgumentException.class, () -> new UserAttributeSimilarity(Double.NaN));
    }

    @Test
    void quickRatioIsTwiceTheMultisetIntersectionOverTheTotalLength() {
        assertEquals(10.0 / 11, UserAttributeSimilarity.quickRatio(cps("alice1"), cps("alice")));
        assertEquals(1.0, UserAttributeSimilarity.quickRatio(cps("ecila"), cps("alice")), "order is ignored");
        assertEquals(4.0 / 7, UserAttributeSimilarity.quickRatio(cps("aab"), cps("abbb")), "each element counts once per occurrence");
        assertEquals(0.0, UserAttributeSimilarity.quickRatio(cps("xyz"), cps("")));
        assertEquals(1.0, UserAttributeSimilarity.quickRatio(cps(""), cps("")), "two empty sequences are alike");
        assertEquals(1.0, UserAttributeSimilarity.quickRatio(cps("😀é"), cps("é😀")), "code points, not UTF-16 units");
    }

    @Test
    void refusesPasswordsCloseToTheUsername() {
        PersonalInformation alice = user("alice", "", "", null);
        assertEquals(Optional.of(USERNAME), check("alice1", alice));
        assertEquals(Optional.of(USERNAME), check("ALICE123", alice), "compared lower-cased");
        assertEquals(Optional.of(USERNAME), check("alice1234", alice), "10/14 = 0.714");
        assertEquals(Optional.empty(), check("alice12345", alice), "10/15 = 0.667");
        assertEquals(Optional.empty(), check("alicealice", alice), "each letter of the name matches once");
        assertEquals(Optional.of(USERNAME), check("ecila99", alice), "letters in any order");
        assertEquals(Optional.empty(), check("alice_in_wonderland", alice));
    }

    @Test
    void comparesThePiecesOfTheEmailAddressAndTheWholeOfIt() {
        PersonalInformation alice = user(null, "", "", "alice@example.com");
        assertEquals(Optional.of(EMAIL), check("example", alice));
        assertEquals(Optional.of(EMAIL), check("examples!", alice));
        assertEquals(Optional.of(EMAIL), check("ALICE@EXAMPLE.COM", alice));
        assertEquals(Optional.of(EMAIL), check("alice@example.org", alice));
        assertEquals(Optional.of(EMAIL), check("moc.elpmaxe", alice));
        PersonalInformation john = user(null, "", "", "john.smith@example.com");
        assertEquals(Optional.of(EMAIL), check("smithson", john));
        assertEquals(Optional.empty(), check("john.smith", john), "the local part is no piece: the dot splits it");
    }

    @Test
    void namesAreComparedAndAttributesTriedInDjangosOrder() {
        assertEquals(Optional.of(LAST_NAME), check("liddell7", user(null, "Alice", "Liddell", null)));
        assertEquals(Optional.of(LAST_NAME), check("Liddell-Smith", user(null, "Alice", "Liddell-Smith", null)));
        assertEquals(Optional.of(FIRST_NAME), check("elodie", user(null, "Élodie", "", null)));
        assertEquals(Optional.of(USERNAME), check("annlee99", user("annlee99", "Ann", "Lee", "annlee99@example.com")),
                "the username comes before the names and the address, and only the first refusal is reported");
        assertEquals(Optional.of(FIRST_NAME), check("alice1", user("bob", "Alice", "Alice", "alice@example.com")));
        assertEquals(Optional.empty(), check("Ann Lee!!", user(null, "Ann", "Lee", null)));
    }

    @Test
    void splitsOnPythonsNonWordCharacters() {
        assertEquals(List.of("ann", "lee", "example", "com"), UserAttributeSimilarity.splitOnNonWord("ann.lee@example.com"));
        assertEquals(List.of("", "a", "b_c", ""), UserAttributeSimilarity.splitOnNonWord(".a-b_c."));
        assertEquals(List.of("Ⅻ½x²"), UserAttributeSimilarity.splitOnNonWord("Ⅻ½x²"), "letter and other numbers are word characters");
        assertEquals(List.of("e", "tude"), UserAttributeSimilarity.splitOnNonWord("e\u0301tude"), "a combining mark is not");
        // So "cdef" is a piece of this name: "cdef12" scores 0.8 against it (0.62 against the whole name).
        assertEquals(Optional.of(FIRST_NAME), check("cdef12", user(null, "ab\u0308cdef", "", null)));
        // Python lower-cases "İ" to "i" and a combining dot: 8/11 against the whole name.
        assertEquals(Optional.of(USERNAME), check("inci12", user("İnci", "", "", null)));
    }

    @Test
    void skipsPiecesTooShortToMatterAsDjangoDoes() {
        // Django's exceeds_maximum_length_ratio: len(password) >= 10 * len(piece) and
        // len(piece) < max_similarity / 2 * len(password).
        assertTrue(UserAttributeSimilarity.exceedsMaximumLengthRatio(10, 0.7, 1));
        assertFalse(UserAttributeSimilarity.exceedsMaximumLengthRatio(9, 0.7, 1));
        assertTrue(UserAttributeSimilarity.exceedsMaximumLengthRatio(20, 0.7, 2));
        assertFalse(UserAttributeSimilarity.exceedsMaximumLengthRatio(19, 0.7, 2));
        assertFalse(UserAttributeSimilarity.exceedsMaximumLengthRatio(20, 0.1, 1), "1 < 0.1 / 2 * 20 is false");
        assertTrue(UserAttributeSimilarity.exceedsMaximumLengthRatio(21, 0.1, 1));
        assertFalse(UserAttributeSimilarity.exceedsMaximumLengthRatio(40, 0.1, 2));
        assertTrue(UserAttributeSimilarity.exceedsMaximumLengthRatio(41, 0.1, 2));
        assertTrue(UserAttributeSimilarity.exceedsMaximumLengthRatio(1, 0.7, 0), "an empty piece is skipped");
        assertFalse(UserAttributeSimilarity.exceedsMaximumLengthRatio(0, 0.7, 0));

        assertEquals(Optional.empty(), check("a".repeat(21), user("a", "", "", null)));
        assertEquals(Optional.empty(), check("aaaaaaaaaa", user("a", "", "", null)));
        assertEquals(Optional.of(USERNAME), check("ab", user("ab", "", "", null)));
        // The empty piece after "a." is skipped for any password but an empty one, which equals it.
        assertEquals(Optional.empty(), check("x", user("a.", "", "", null)));
        assertEquals(Optional.of(USERNAME), check("", user("a.", "", "", null)));
    }

    @Test
    void acceptsALongUnrelatedPasswordAndComparesNothingUnknown() {
        PersonalInformation alice = user("alice", "Alice", "Liddell", "alice@example.com");
        assertEquals(Optional.empty(), check("correct horse battery staple", alice));
        assertEquals(Optional.empty(), check("alice", user(null, "", "", null)));
        assertEquals(Optional.empty(), check("alice", null));
        assertEquals(Optional.empty(), check("alice", PersonalInformation.of(EmailAddress.of("bob@example.com"), null)));
    }

    private static int[] cps(String s) {
        return s.codePoints().toArray();
    }
}
