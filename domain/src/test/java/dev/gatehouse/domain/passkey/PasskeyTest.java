package dev.gatehouse.domain.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasskeyTest {
    private final Instant now = Instant.parse("2026-12-04T12:00:00Z");

    private Passkey passkey(long count) {
        return Passkey.register(PasskeyId.newId(now), UserId.newId(now), new byte[] {1, 2, 3}, new byte[] {9}, List.of("internal"),
                true, false, true, count, PasskeyName.DEFAULT, now);
    }

    @Test
    void aCounterMustAdvanceOnceTheAuthenticatorCounts() {
        Passkey p = passkey(5);
        assertTrue(p.counterRegresses(5));
        assertTrue(p.counterRegresses(4));
        assertTrue(p.counterRegresses(0));
        assertFalse(p.counterRegresses(6));
        p.recordUse(6, true, now);
        assertEquals(6, p.signCount());
        assertTrue(p.backedUp());
        assertEquals(now, p.lastUsedAt());
        assertThrows(IllegalStateException.class, () -> p.recordUse(6, true, now));
    }

    @Test
    void anAuthenticatorThatNeverCountsIsAcceptedAtZero() {
        Passkey p = passkey(0);
        assertFalse(p.counterRegresses(0));
        p.recordUse(0, false, now);
        assertFalse(p.counterRegresses(0));
    }

    @Test
    void namesAreTrimmedBoundedAndFreeOfControlCharacters() {
        assertEquals("Work laptop", PasskeyName.of("  Work laptop ").value());
        assertEquals(PasskeyName.DEFAULT, PasskeyName.of(null));
        assertEquals(PasskeyName.DEFAULT, PasskeyName.of("   "));
        assertThrows(InvalidValueException.class, () -> PasskeyName.required(" "));
        assertThrows(InvalidValueException.class, () -> PasskeyName.of("x".repeat(65)));
        assertThrows(InvalidValueException.class, () -> PasskeyName.of("a\u0000b"));
        assertEquals(64, PasskeyName.of("x".repeat(64)).value().length());
    }

    @Test
    void theUserHandleIsTheSixteenBytesOfTheAccountId() {
        UserId id = UserId.newId(now);
        byte[] handle = UserHandle.of(id);
        assertEquals(16, handle.length);
        assertEquals(id.value().getMostSignificantBits(), java.nio.ByteBuffer.wrap(handle).getLong());
    }
}
