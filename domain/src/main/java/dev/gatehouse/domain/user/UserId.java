package dev.gatehouse.domain.user;

import dev.gatehouse.domain.shared.Uuid7;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId newId(Instant now) {
        return new UserId(Uuid7.at(now));
    }

    /** The id as a link carries it: base64url of the UUID's 16 bytes, without padding (22 characters). */
    public String compact() {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The id from its {@link #compact()} form; empty for anything else (other lengths, padding, other alphabets). */
    public static Optional<UserId> fromCompact(String compact) {
        if (compact == null || compact.length() != 22) {
            return Optional.empty();
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(compact));
            UserId id = new UserId(new UUID(bytes.getLong(), bytes.getLong()));
            // Only the canonical spelling: the last character carries 2 unused bits that must be zero.
            return id.compact().equals(compact) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
