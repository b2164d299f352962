package dev.gatehouse.application.error;

public final class TokenReusedException extends GatehouseException {
    public TokenReusedException() {
        super("This refresh token was already used; the session has been revoked.");
    }

    @Override
    public String code() {
        return "token_reused";
    }
}
