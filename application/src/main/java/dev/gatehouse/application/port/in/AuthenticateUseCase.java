package dev.gatehouse.application.port.in;

public interface AuthenticateUseCase {
    /**
     * Checks an access token completely: signature, type, issuer, audience, expiry, and that its
     * session is live and its user active.
     *
     * @throws dev.gatehouse.application.error.TokenNotValidException otherwise
     */
    Principal authenticate(String accessToken);
}
