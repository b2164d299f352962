package dev.gatehouse.domain.user;

import java.util.Objects;

/** A password hash in PHC string format ({@code $argon2id$v=19$m=...}). Never the password. */
public record PasswordHash(String phc) {
    public PasswordHash {
        Objects.requireNonNull(phc, "phc");
        if (!phc.startsWith("$")) {
            throw new IllegalArgumentException("not a PHC string");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
