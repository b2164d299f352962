package dev.gatehouse.application.error;

/** An email change found its new address taken by another account when the link was followed. */
public final class EmailTakenException extends GatehouseException {
    public EmailTakenException() {
        super("A user with this email already exists.");
    }

    @Override
    public String code() {
        return "email_taken";
    }
}
