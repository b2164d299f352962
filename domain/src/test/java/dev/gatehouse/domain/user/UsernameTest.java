package dev.gatehouse.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {
    /** MATHEMATICAL SCRIPT CAPITAL A: a letter outside the BMP, two UTF-16 units. */
    private static final String SCRIPT_A = "\uD835\uDC9C";

    @ParameterizedTest
    @ValueSource(strings = {"john", "John Smith", "a.b+c-d_e@f", "Zoë", "用户名", "x", "j  s"})
    void acceptsLettersDigitsInnerSpacesAndSymbols(String raw) {
        assertEquals(raw, Username.of(raw).value());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " john", "john ", " ", "john\tsmith", "john!", "john/smith", "john#1", "a\u0000b"})
    void rejectsEverythingElse(String raw) {
        assertThrows(InvalidValueException.class, () -> Username.of(raw));
    }

    @Test
    void lengthIsCountedInCodePoints() {
        assertEquals(300, Username.of(SCRIPT_A.repeat(150)).value().length());
        assertThrows(InvalidValueException.class, () -> Username.of(SCRIPT_A.repeat(151)));
        assertEquals(150, Username.of("a".repeat(150)).value().length());
        assertThrows(InvalidValueException.class, () -> Username.of("a".repeat(151)));
    }

    @Test
    void isNormalisedToNfcAndComparedCaseInsensitively() {
        assertEquals("Zo\u00EB", Username.of("Zoe\u0308").value());
        assertEquals("john smith", Username.of("John SMITH").canonical());
        assertEquals(Username.of("John Smith").canonical(), Username.of("john smith").canonical());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            // fullwidth, long s, ligature, case, NFD vs NFC, German sharp s (full case folding).
            "ａlice|alice", "ＡＬＩＣＥ|alice", "ſam|sam", "ﬁnn|finn", "FINN|finn", "Zoe\u0308|zoë", "Zoë|zoë",
            "Straße|strasse", "STRASSE|strasse"})
    void variantsOfOneNameShareTheCanonicalForm(String variant, String canonical) {
        assertEquals(canonical, Username.of(variant).canonical());
        assertEquals(canonical, Username.canonicalOf(variant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann\u202Eevil", "ann\u200Bx", "ann\u2028x", "ann\u2029x", "ann\uD800x", "ann\u0085x"})
    void refusesInvisibleCharactersAndLoneSurrogates(String raw) {
        assertThrows(InvalidValueException.class, () -> Username.of(raw));
    }
}
