package dev.gatehouse.adapter.out.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Against vectors computed outside Java: {@code hashlib.pbkdf2_hmac("sha256", password, salt, iterations)}
 * base64-encoded, which is what Django's {@code make_password(password, salt, "pbkdf2_sha256")} stores.
 */
class DjangoPbkdf2VerifierTest {
    /** Django: make_password("hunter2", salt="seasalt", hasher="pbkdf2_sha256") with 600,000 iterations. */
    static final String HUNTER2 = "pbkdf2_sha256$600000$seasalt$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=";
    /** A non-ASCII password ("pässwörd €"), 1,000 iterations. */
    static final String NON_ASCII = "pbkdf2_sha256$1000$QeU0p1Xz9uIa$2mb4fg5R1WnHwvx+rfAEWr/lJIpFmhMXf8hMRAyJLjs=";

    private final DjangoPbkdf2Verifier verifier = new DjangoPbkdf2Verifier();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDjangoVectorVerifies() {
        assertTrue(verifier.verify(HUNTER2, utf8("hunter2")));
    }

    @Test
    void theDerivationIsPbkdf2HmacSha256AsDjangoComputesIt() {
        byte[] expected = Base64.getDecoder().decode("7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=");
        assertArrayEquals(expected, DjangoPbkdf2Verifier.derive(utf8("hunter2"), utf8("seasalt"), 600_000));
    }

    @Test
    void nonAsciiPasswordsAreHashedAsUtf8() {
        assertTrue(verifier.verify(NON_ASCII, utf8("pässwörd €")));
        assertFalse(verifier.verify(NON_ASCII, "pässwörd €".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter3", "Hunter2", "hunter2 ", "hunter", "x"})
    void anyOtherPasswordIsRefused(String wrong) {
        assertFalse(verifier.verify(HUNTER2, utf8(wrong)));
    }

    @Test
    void theCallersBytesAreLeftAlone() {
        byte[] password = utf8("hunter2");
        verifier.verify(HUNTER2, password);
        assertArrayEquals(utf8("hunter2"), password);
    }

    @Test
    void anEmptyPasswordNeverVerifies() {
        assertFalse(verifier.verify(HUNTER2, new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "pbkdf2_sha1$600000$seasalt$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=",
            "pbkdf2_sha256$600000$seasalt",
            "pbkdf2_sha256$$seasalt$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=",
            "pbkdf2_sha256$0$seasalt$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=",
            "pbkdf2_sha256$-5$seasalt$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=",
            "pbkdf2_sha256$99999999999$seasalt$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=",
            "pbkdf2_sha256$10000001$seasalt$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=",
            "pbkdf2_sha256$600000$$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=",
            "pbkdf2_sha256$600000$seasalt$not base64!",
            "pbkdf2_sha256$600000$seasalt$c2hvcnQ=",
            "pbkdf2_sha256$600000$seasalt$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=$extra",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"})
    void malformedOrForeignHashesNeverVerifyAndAreNotSupported(String encoded) {
        assertFalse(DjangoPbkdf2Verifier.isSupported(encoded));
        assertFalse(verifier.verify(encoded, utf8("hunter2")));
    }

    @Test
    void wellFormedHashesAreSupported() {
        assertTrue(DjangoPbkdf2Verifier.isSupported(HUNTER2));
        assertTrue(DjangoPbkdf2Verifier.isSupported(NON_ASCII));
    }
}
