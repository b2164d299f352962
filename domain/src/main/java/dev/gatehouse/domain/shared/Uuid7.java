package dev.gatehouse.domain.shared;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * RFC 9562 version 7 UUIDs: time-ordered, so primary-key inserts stay at the right edge of the
 * B-tree instead of scattering across it as random v4 keys do.
 */
public final class Uuid7 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuid7() {
    }

    public static UUID at(Instant instant) {
        long millis = instant.toEpochMilli();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16;
        msb |= 0x7000L; // version 7
        msb |= ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long lsb = 0x8000_0000_0000_0000L; // variant 10
        lsb |= (random[2] & 0x3FL) << 56;
        for (int i = 3; i < 10; i++) {
            lsb |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(msb, lsb);
    }
}
