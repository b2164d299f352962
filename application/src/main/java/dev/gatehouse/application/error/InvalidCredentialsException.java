package dev.gatehouse.application.error;

public final class InvalidCredentialsException extends GatehouseException {
    public InvalidCredentialsException() {
        super("No active account found with the given credentials.");
    }

    @Override
    public String code() {
        return "invalid_credentials";
    }
}
