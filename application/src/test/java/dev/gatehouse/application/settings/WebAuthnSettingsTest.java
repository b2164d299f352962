package dev.gatehouse.application.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebAuthnSettingsTest {
    private static final Duration TTL = Duration.ofMinutes(5);

    @Test
    void originsMustBeOnTheRelyingPartyId() {
        WebAuthnSettings ok = new WebAuthnSettings("Example.COM", null, List.of("https://login.example.com", "https://example.com:8443"), TTL);
        assertEquals("example.com", ok.rpId());
        assertEquals("example.com", ok.rpName());
        assertThrows(IllegalArgumentException.class, () -> new WebAuthnSettings("example.com", "x", List.of("https://example.com.evil.net"), TTL));
        assertThrows(IllegalArgumentException.class, () -> new WebAuthnSettings("example.com", "x", List.of("https://notexample.com"), TTL));
        assertThrows(IllegalArgumentException.class, () -> new WebAuthnSettings("example.com", "x", List.of("https://example.com/login"), TTL));
        assertThrows(IllegalArgumentException.class, () -> new WebAuthnSettings("example.com", "x", List.of(), TTL));
        assertThrows(IllegalArgumentException.class, () -> new WebAuthnSettings("https://example.com", "x", List.of("https://example.com"), TTL));
        assertThrows(IllegalArgumentException.class, () -> new WebAuthnSettings("example.com", "x", List.of("https://example.com"), Duration.ZERO));
    }
}
