package dev.gatehouse.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Uuid7Test {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");

    @Test
    void hasVersion7VariantRfcAndTheMillisecondTimestamp() {
        for (int i = 0; i < 200; i++) {
            UUID id = Uuid7.at(T0);
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            assertEquals(T0.toEpochMilli(), id.getMostSignificantBits() >>> 16);
        }
    }

    @Test
    void laterMillisecondsSortLaterAsBitsAndAsText() {
        Instant t = T0;
        UUID previous = Uuid7.at(t);
        for (int i = 0; i < 200; i++) {
            t = t.plusMillis(1);
            UUID next = Uuid7.at(t);
            assertTrue(Long.compareUnsigned(previous.getMostSignificantBits(), next.getMostSignificantBits()) < 0);
            assertTrue(previous.toString().compareTo(next.toString()) < 0, previous + " !< " + next);
            previous = next;
        }
    }

    @Test
    void idsOfTheSameMillisecondStillDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(Uuid7.at(T0));
        }
        assertEquals(1000, ids.size());
        assertNotEquals(Uuid7.at(T0).getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL, 0L);
    }
}
