package dev.gatehouse.domain.user;

import dev.gatehouse.domain.shared.InvalidValueException;
import java.util.Locale;

public enum Role {
    VIEWER, ADMIN;

    /** The lower-case name used on the wire, in tokens and in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return role;
            }
        }
        throw new InvalidValueException("\"" + code + "\" is not a valid role.");
    }
}
