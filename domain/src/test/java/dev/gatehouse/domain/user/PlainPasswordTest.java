package dev.gatehouse.domain.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PlainPasswordTest {

    @ParameterizedTest
    @ValueSource(strings = {"Pw\ud800x", "Pw\udfffx", "\ud83d", "x\ude00", "\ude00\ud83d"})
    void refusesLoneSurrogates(String raw) {
        // Encoded to UTF-8 each of these would become '?', so two different strings would be one password.
        assertThrows(InvalidValueException.class, () -> PlainPassword.of(raw));
    }

    @Test
    void acceptsPairedSurrogates() {
        assertArrayEquals("Pw\ud83d\ude00x".getBytes(StandardCharsets.UTF_8), PlainPassword.of("Pw\ud83d\ude00x").utf8());
    }
}
