package dev.gatehouse.domain.passkey;

import dev.gatehouse.domain.shared.Uuid7;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Our id for a registered passkey (not the authenticator's credential id, which is the authenticator's to choose). */
public record PasskeyId(UUID value) {
    public PasskeyId {
        Objects.requireNonNull(value, "value");
    }

    public static PasskeyId newId(Instant now) {
        return new PasskeyId(Uuid7.at(now));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
