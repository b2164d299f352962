package dev.gatehouse.application.error;

public final class EmailNotVerifiedException extends GatehouseException {
    public EmailNotVerifiedException() {
        super("Email address is not verified.");
    }

    @Override
    public String code() {
        return "email_not_verified";
    }
}
