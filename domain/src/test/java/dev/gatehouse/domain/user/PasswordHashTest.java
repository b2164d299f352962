package dev.gatehouse.domain.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

    @ParameterizedTest
    @ValueSource(strings = {"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", "$fake$correct horse"})
    void phcStringsAreAccepted(String phc) {
        assertTrue(new PasswordHash(phc).isPhc());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "pbkdf2_sha256$600000$seasalt$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=",
            "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA",
            "bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuv",
            "!Xk3HqYb7VzPmc0sAXkA8bW4uQWmJ0aQhKjgY2s1r"})
    void djangoEncodingsAreAccepted(String encoded) {
        PasswordHash hash = assertDoesNotThrow(() -> new PasswordHash(encoded));
        assertFalse(hash.isPhc());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hunter2", "pbkdf2_sha256", "PBKDF2$1$a$b", "pbkdf2_sha256$600000$salt with space$x",
            "pbkdf2_sha256$600000$s\u00e4lt$x", "1md5$x$y"})
    void anythingElseIsRefused(String value) {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash(value));
    }

    @org.junit.jupiter.api.Test
    void anOverlongImportIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash("pbkdf2_sha256$1$s$" + "A".repeat(PasswordHash.MAX_LENGTH)));
        assertThrows(NullPointerException.class, () -> new PasswordHash(null));
    }
}
