package dev.gatehouse.adapter.out.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.PlainPassword;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Argon2PasswordHasherTest {
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Parameters.owaspMinimum(2));

    @AfterAll
    void close() {
        hasher.close();
    }

    @Test
    void ownHashesVerifyAndNeedNoRehash() {
        PasswordHash hash = hasher.hash(PlainPassword.of("correct horse battery staple"));
        assertTrue(hash.phc().startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "PHC string with the configured cost");
        assertTrue(hasher.verify(hash, PlainPassword.of("correct horse battery staple")));
        assertFalse(hasher.verify(hash, PlainPassword.of("correct horse battery stapler")));
        assertFalse(hasher.needsRehash(hash));
    }

    @Test
    void weakerArgon2ParametersNeedARehash() {
        Argon2PasswordHasher stronger = new Argon2PasswordHasher(new Argon2Parameters(Argon2Parameters.MIN_MEMORY_KIB, 3, 1, 1));
        try {
            PasswordHash weaker = hasher.hash(PlainPassword.of("correct horse battery staple"));
            assertTrue(stronger.verify(weaker, PlainPassword.of("correct horse battery staple")));
            assertTrue(stronger.needsRehash(weaker));
        } finally {
            stronger.close();
        }
    }

    @Test
    void anImportedDjangoPbkdf2HashVerifiesAndAsksForAnUpgrade() {
        PasswordHash imported = new PasswordHash(DjangoPbkdf2VerifierTest.HUNTER2);
        assertTrue(hasher.verify(imported, PlainPassword.of("hunter2")));
        assertFalse(hasher.verify(imported, PlainPassword.of("hunter3")));
        assertTrue(hasher.needsRehash(imported), "so the next login stores Argon2id instead");

        PasswordHash upgraded = hasher.hash(PlainPassword.of("hunter2"));
        assertTrue(upgraded.phc().startsWith("$argon2id$"));
        assertFalse(hasher.needsRehash(upgraded));
    }

    @Test
    void djangosArgon2EncodingVerifiesAndAsksForAnUpgrade() {
        // Django's Argon2PasswordHasher stores "argon2" followed by argon2-cffi's PHC string.
        PasswordHash own = hasher.hash(PlainPassword.of("hunter2"));
        PasswordHash django = new PasswordHash("argon2" + own.phc());
        assertTrue(hasher.verify(django, PlainPassword.of("hunter2")));
        assertFalse(hasher.verify(django, PlainPassword.of("hunter3")));
        assertTrue(hasher.needsRehash(django));
    }

    @Test
    void unusableAndUnsupportedHashesNeverVerify() {
        assertFalse(hasher.verify(new PasswordHash("!Xk3HqYb7VzPmc0sAXkA8bW4uQWmJ0aQhKjgY2s1r"), PlainPassword.of("hunter2")));
        assertFalse(hasher.verify(new PasswordHash("bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuv"), PlainPassword.of("hunter2")));
        assertFalse(hasher.verify(new PasswordHash("md5$seasalt$0123456789abcdef"), PlainPassword.of("hunter2")));
        assertFalse(hasher.verifyAgainstDummy(PlainPassword.of("hunter2")));
    }
}
