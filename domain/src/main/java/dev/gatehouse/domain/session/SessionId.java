package dev.gatehouse.domain.session;

import dev.gatehouse.domain.shared.Uuid7;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

public record SessionId(UUID value) {
    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId newId(Instant now) {
        return new SessionId(Uuid7.at(now));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
