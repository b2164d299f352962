package dev.gatehouse.domain.shared;

/**
 * A value offered to the domain breaks one of its rules (an email without an '@', a username with
 * a tab in it). Adapters turn it into a field error; the message is written for the end user.
 */
public class InvalidValueException extends RuntimeException {
    public InvalidValueException(String message) {
        super(message);
    }
}
