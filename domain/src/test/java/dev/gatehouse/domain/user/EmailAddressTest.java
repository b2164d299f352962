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
            "user@xn--bcher-kva.example", "a@b.cd", "a=b@example.com"})
    void acceptsValidAddresses(String raw) {
        assertEquals(raw, EmailAddress.of(raw).value());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "plainaddress", "@example.com", "user@", "user@@example.com", "us er@example.com",
            "user@example", "user@example.c", ".user@example.com", "user.@example.com", "us..er@example.com",
            "user@-example.com", "user@exa_mple.com", "user@example..com", "us\"er@example.com", "user\u0000x@example.com",
            "user@example.co-", "user@a.--", "user@10.0.0.10", "us\u00A0er@example.com", "us\u200Ber@example.com",
            // Non-ASCII local parts would need SMTPUTF8 end to end: refused up front (never mangled later).
            "josé@exemple.fr", "ceo\u0430@bank.com",
            // SMTP parameter injection and angle brackets.
            "a@example.com NOTIFY=NEVER", "a NOTIFY=NEVER@example.com", "a>NOTIFY=NEVER@example.com",
            "<a@example.com>", "a\r\nRCPT TO:<b@example.com>@example.com", "a\t@example.com",
            // Domains UTS #46 refuses.
            "user@exa mple.com", "user@ex\u202Eample.com"})
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

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            // U-label, A-label, fullwidth, NFD, NFC, upper case: one mailbox each.
            "kate@exämple.net|kate@xn--exmple-cua.net",
            "kate@exa\u0308mple.net|kate@xn--exmple-cua.net",
            "kate@EXÄMPLE.NET|kate@xn--exmple-cua.net",
            "kate@xn--exmple-cua.net|kate@xn--exmple-cua.net",
            "kate@XN--EXMPLE-CUA.NET|kate@xn--exmple-cua.net",
            "kate@ｅxample.net|kate@example.net",
            "kate@ｅｘａｍｐｌｅ．ｎｅｔ|kate@example.net",
            "KATE@Example.Net|kate@example.net",
            "Kate@example.net|kate@example.net",
            "ceo@bаnk.com|ceo@xn--bnk-6cd.com"})
    void variantsOfOneMailboxShareTheCanonicalForm(String variant, String canonical) {
        assertEquals(canonical, EmailAddress.of(variant).canonical());
    }

    @Test
    void theLocalPartIsKeptAsTypedAndTheDomainStoredAsItsALabel() {
        EmailAddress address = EmailAddress.of("Kate@ＥXÄMPLE.net");
        assertEquals("Kate@xn--exmple-cua.net", address.value());
        assertEquals(address.value(), address.envelope());
        assertEquals("kate@xn--exmple-cua.net", address.canonical());
    }

    @Test
    void theEnvelopeIsPureAscii() {
        // A Cyrillic а in the domain: the envelope names the real (homograph) domain, never "b0nk.com".
        assertEquals("ceo@xn--bnk-6cd.com", EmailAddress.of("ceo@bаnk.com").envelope());
        assertEquals("kate2@example.net", EmailAddress.of("kate2@ｅxample.net").envelope());
    }
}
