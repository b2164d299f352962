package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238 appendix B: the SHA-1 seed, the ASCII string "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void theRfc6238Sha1VectorsCome(long unixSeconds, String expected) {
        assertEquals(expected, Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(unixSeconds)), 8));
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheEightDigitOnes() {
        // Dynamic truncation then modulo 10^digits: the 6-digit code is the 8-digit one's tail.
        assertEquals("287082", Totp.code(RFC_KEY, 1, 6));
        assertEquals("081804", Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)), 6));
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterIsAcceptedButNotTwoAway() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        assertEquals(OptionalLong.of(step - 1), Totp.accept(RFC_KEY, Totp.code(RFC_KEY, step - 1, 6), now, null));
        assertEquals(OptionalLong.of(step + 1), Totp.accept(RFC_KEY, Totp.code(RFC_KEY, step + 1, 6), now, null));
        assertEquals(OptionalLong.of(step), Totp.accept(RFC_KEY, Totp.code(RFC_KEY, step, 6), now, null));
        assertTrue(Totp.accept(RFC_KEY, Totp.code(RFC_KEY, step - 2, 6), now, null).isEmpty());
        assertTrue(Totp.accept(RFC_KEY, Totp.code(RFC_KEY, step + 2, 6), now, null).isEmpty());
    }

    @Test
    void noCodeOfTheLastUsedStepOrAnEarlierOneIsAcceptedAgain() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        String current = Totp.code(RFC_KEY, step, 6);
        assertTrue(Totp.accept(RFC_KEY, current, now, step).isEmpty(), "the same code, replayed");
        assertTrue(Totp.accept(RFC_KEY, Totp.code(RFC_KEY, step - 1, 6), now, step).isEmpty(), "an older code after a newer one");
        assertEquals(OptionalLong.of(step + 1), Totp.accept(RFC_KEY, Totp.code(RFC_KEY, step + 1, 6), now, step));
    }

    @Test
    void onlySixAsciiDigitsAreACode() {
        Instant now = Instant.ofEpochSecond(59);
        String code = Totp.code(RFC_KEY, Totp.step(now), 6);
        assertFalse(Totp.looksLikeCode(" " + code));
        assertFalse(Totp.looksLikeCode(code + "0"));
        assertFalse(Totp.looksLikeCode("28708\u0662")); // an Arabic-Indic digit is a digit to Character, not to us
        assertTrue(Totp.accept(RFC_KEY, "94287082", now, null).isEmpty());
    }
}
