package dev.gatehouse.application.error;

public final class NotAuthenticatedException extends GatehouseException {
    public NotAuthenticatedException() {
        super("Authentication credentials were not provided.");
    }

    @Override
    public String code() {
        return "not_authenticated";
    }
}
