package dev.gatehouse.adapter.in.rest.dto;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times on the wire: RFC 3339, UTC, whole seconds. */
public final class Rfc3339 {
    private Rfc3339() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
