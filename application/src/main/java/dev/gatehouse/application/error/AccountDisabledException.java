package dev.gatehouse.application.error;

public final class AccountDisabledException extends GatehouseException {
    public AccountDisabledException() {
        super("This account is disabled.");
    }

    @Override
    public String code() {
        return "account_disabled";
    }
}
