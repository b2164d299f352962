package dev.gatehouse.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileTest {

    @Test
    void constructorNormalisesEveryField() {
        Profile p = new Profile(Username.of("ann"), "  Ann ", null, "  ", "");
        assertEquals("Ann", p.firstName());
        assertEquals("", p.lastName());
        assertNull(p.phoneNumber());
        assertNull(p.avatar());
    }

    @Test
    void constructorRejectsABrokenField() {
        assertThrows(InvalidValueException.class, () -> new Profile(null, "Ann", "Lee", "not a phone", null));
    }

    @Test
    void namesAreAtMost150CodePointsWithoutControlCharacters() {
        assertEquals(150, Profile.name("é".repeat(150)).length());
        assertEquals(300, Profile.name("\uD835\uDC9C".repeat(150)).length());
        assertThrows(InvalidValueException.class, () -> Profile.name("é".repeat(151)));
        assertThrows(InvalidValueException.class, () -> Profile.name("Ann\u0007"));
        assertEquals("Zo\u00EB", Profile.name("Zoe\u0308"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 (555) 123-4567", "0612345678", "+44.20.7946.0958", "123"})
    void acceptsPhoneNumbers(String raw) {
        assertEquals(raw, Profile.phoneNumber(" " + raw + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "12", "+", "123x", "(555) 123", "+-123", "+１２３４"})
    void rejectsMalformedPhoneNumbers(String raw) {
        assertThrows(InvalidValueException.class, () -> Profile.phoneNumber(raw));
    }

    @Test
    void phoneNumberIsAtMost32Characters() {
        assertEquals("+" + "1".repeat(31), Profile.phoneNumber("+" + "1".repeat(31)));
        assertEquals("1".repeat(32), Profile.phoneNumber("1".repeat(32)));
        assertThrows(InvalidValueException.class, () -> Profile.phoneNumber("+" + "1".repeat(32)));
        assertThrows(InvalidValueException.class, () -> Profile.phoneNumber("1".repeat(33)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.example.com/a.png", "http://example.com/x?size=64", "HTTPS://Example.com/a"})
    void acceptsHttpAvatars(String raw) {
        assertEquals(raw, Profile.avatar(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a.png", "javascript:alert(1)", "/relative/a.png", "https://", "https:///a.png",
            "data:image/png;base64,AAAA", "https://exa mple.com/a.png", "https://example.com/\u0000"})
    void rejectsOtherAvatars(String raw) {
        assertThrows(InvalidValueException.class, () -> Profile.avatar(raw));
    }

    @Test
    void avatarIsAtMost2048Characters() {
        String prefix = "https://example.com/";
        String longest = prefix + "a".repeat(2048 - prefix.length());
        assertEquals(longest, Profile.avatar(longest));
        assertThrows(InvalidValueException.class, () -> Profile.avatar(longest + "a"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Ann\u202Eevil", "Ann\u2066x", "Ann\u200Bx", "Ann\u00ADx",
            "Ann\u2028x", "Ann\u2029x", "Ann\uD800", "Ann\uDFFFx", "Ann\u0085x", "URGENT\nhttps://evil.example"})
    void namesRefuseControlFormatSeparatorAndBidiCharacters(String raw) {
        assertThrows(InvalidValueException.class, () -> Profile.name(raw));
    }
}
