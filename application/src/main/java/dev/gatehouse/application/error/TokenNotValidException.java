package dev.gatehouse.application.error;

public final class TokenNotValidException extends GatehouseException {
    public TokenNotValidException() {
        super("Token is invalid or expired");
    }

    @Override
    public String code() {
        return "token_not_valid";
    }
}
