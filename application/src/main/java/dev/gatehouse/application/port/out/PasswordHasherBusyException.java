package dev.gatehouse.application.port.out;

/**
 * Password hashing is saturated: as much work is queued as the hasher finishes in about a second, and
 * more would only make every caller wait longer. Refused at once, before any hashing; retrying in a
 * moment may work. Nothing was changed.
 */
public class PasswordHasherBusyException extends RuntimeException {
    public PasswordHasherBusyException(String message) {
        super(message);
    }
}
