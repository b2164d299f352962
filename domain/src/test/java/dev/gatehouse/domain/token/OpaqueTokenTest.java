package dev.gatehouse.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.MethodSource;

class OpaqueTokenTest {
    private static final String A42 = "A".repeat(42);

    @Test
    void generatedTokensAre43Base64UrlCharactersAndRoundTrip() {
        SecureRandom random = new SecureRandom();
        OpaqueToken token = OpaqueToken.generate(random);
        assertEquals(OpaqueToken.ENCODED_LENGTH, token.value().length());
        assertTrue(token.value().matches("[A-Za-z0-9_-]{43}"), token.value());

        OpaqueToken parsed = OpaqueToken.parse(token.value()).orElseThrow();
        assertEquals(token, parsed);
        assertEquals(token.value(), parsed.value());
        assertEquals(token.hash(), parsed.hash());
        assertNotEquals(token, OpaqueToken.generate(random));
    }

    @Test
    void fromBytesIsUnpaddedBase64Url() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0xF0 + i);
        }
        OpaqueToken token = OpaqueToken.fromBytes(bytes);
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), token.value());
        assertTrue(token.value().contains("-") || token.value().contains("_"), "uses the URL alphabet");
        assertThrows(IllegalArgumentException.class, () -> OpaqueToken.fromBytes(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> OpaqueToken.fromBytes(new byte[33]));
    }

    static Stream<String> malformed() {
        return Stream.of("", A42, A42 + "AA", A42 + "+", A42 + "/", A42 + "=", A42 + " ", A42 + "é", A42 + ".",
                " " + A42, A42 + "\n");
    }

    @ParameterizedTest
    @NullSource
    @MethodSource("malformed")
    void parseRejectsAnythingNotShapedLikeAToken(String presented) {
        assertTrue(OpaqueToken.parse(presented).isEmpty());
    }

    @Test
    void parseAcceptsEveryCharacterOfTheUrlAlphabet() {
        assertEquals(A42 + "-", OpaqueToken.parse(A42 + "-").orElseThrow().value());
        assertEquals(A42 + "_", OpaqueToken.parse(A42 + "_").orElseThrow().value());
        assertEquals("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
                OpaqueToken.parse("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG").orElseThrow().value());
    }
}
