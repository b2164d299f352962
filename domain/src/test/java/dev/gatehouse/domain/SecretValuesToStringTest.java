package dev.gatehouse.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.PlainPassword;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretValuesToStringTest {

    @Test
    void plainPasswordIsNeverShown() {
        String shown = PlainPassword.of("hunter2-very-secret").toString();
        assertFalse(shown.contains("hunter2"), shown);
        assertFalse(shown.contains("secret"), shown);
    }

    @Test
    void passwordHashIsNeverShown() {
        PasswordHash hash = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo");
        String shown = hash.toString();
        assertFalse(shown.contains("argon2id"), shown);
        assertFalse(shown.contains("c2FsdHNhbHQ"), shown);
        assertFalse(shown.contains("aGFzaGhhc2hoYXNo"), shown);
    }

    @Test
    void opaqueTokenIsNeverShown() {
        OpaqueToken token = OpaqueToken.generate(new SecureRandom());
        String shown = token.toString();
        assertFalse(shown.contains(token.value()), shown);
        assertFalse(shown.contains(token.value().substring(0, 8)), shown);
    }
}
