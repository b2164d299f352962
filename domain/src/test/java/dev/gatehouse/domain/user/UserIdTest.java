package dev.gatehouse.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UserIdTest {
    @Test
    void theCompactFormIs22Base64urlCharactersAndReadsBack() {
        UserId id = new UserId(UUID.fromString("0193b5e2-7c1a-7d3e-9f00-1234567890ab"));
        assertEquals(22, id.compact().length());
        assertTrue(id.compact().matches("[A-Za-z0-9_-]{22}"));
        assertEquals(id, UserId.fromCompact(id.compact()).orElseThrow());
        for (int i = 0; i < 1000; i++) {
            UserId random = new UserId(UUID.randomUUID());
            assertEquals(random, UserId.fromCompact(random.compact()).orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MQ", "not a uid", "AZO14nwafT6fABI0VniQqw==", "AZO14nwafT6fABI0VniQq+", "AZO14nwafT6fABI0VniQqx"})
    void anythingElseIsNoId(String compact) {
        assertTrue(UserId.fromCompact(compact).isEmpty(), compact);
    }
}
