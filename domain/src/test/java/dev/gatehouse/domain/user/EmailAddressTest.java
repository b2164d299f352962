package dev.gatehouse.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"user@example.com", "first.last+tag@mail.example.co.uk", "o'brien@example.org",
            "josé@exemple.fr", "user@xn--bcher-kva.example", "a@b.cd"})
    void acceptsValidAddresses(String raw) {
        assertEquals(raw, EmailAddress.of(raw).value());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "plainaddress", "@example.com", "user@", "user@@example.com", "us er@example.com",
            "user@example", "user@example.c", ".user@example.com", "user.@example.com", "us..er@example.com",
            "user@-example.com", "user@exa_mple.com", "user@example..com", "us\"er@example.com", "user\u0000x@example.com",
            "user@example.co-", "user@a.--", "user@10.0.0.10", "us\u00A0er@example.com", "us\u200Ber@example.com"})
    void rejectsInvalidAddresses(String raw) {
        assertThrows(InvalidValueException.class, () -> EmailAddress.of(raw));
    }

    @Test
    void localPartIsAtMost64Characters() {
        assertEquals(64, EmailAddress.of("a".repeat(64) + "@example.com").value().indexOf('@'));
        assertThrows(InvalidValueException.class, () -> EmailAddress.of("a".repeat(65) + "@example.com"));
    }

    @Test
    void wholeAddressIsAtMost254Characters() {
        String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
        assertEquals(254, longest.length());
        assertEquals(longest, EmailAddress.of(longest).value());
        String tooLong = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".com";
        assertEquals(255, tooLong.length());
        assertThrows(InvalidValueException.class, () -> EmailAddress.of(tooLong));
    }

    @Test
    void trimsAndLowerCasesOnlyTheDomain() {
        EmailAddress email = EmailAddress.of("  John.Doe@EXAMPLE.Com \t");
        assertEquals("John.Doe@example.com", email.value());
        assertEquals("John.Doe@example.com", email.toString());
    }

    @Test
    void canonicalFormIsCaseInsensitive() {
        EmailAddress a = EmailAddress.of("John.Doe@Example.com");
        EmailAddress b = EmailAddress.of("john.doe@example.COM");
        assertEquals("john.doe@example.com", a.canonical());
        assertEquals(a.canonical(), b.canonical());
    }
}
