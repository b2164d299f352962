package dev.gatehouse.domain.user;

import dev.gatehouse.domain.shared.Uuid7;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId newId(Instant now) {
        return new UserId(Uuid7.at(now));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
