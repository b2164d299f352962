package dev.gatehouse.application.port.in;

public interface RefreshSessionUseCase {
    /**
     * Spends the refresh token and returns a new pair (the user is included for adapters that
     * need it).
     *
     * @throws dev.gatehouse.application.error.TokenNotValidException unknown, expired or revoked
     * @throws dev.gatehouse.application.error.TokenReusedException spent before: the family is revoked
     */
    AuthenticatedUser refresh(String refreshToken);

    /**
     * The same rotation for a token that must belong to {@code clientId}'s session (the OAuth token
     * endpoint): a token of another client is not valid there, and presenting it changes nothing.
     */
    AuthenticatedUser refresh(String refreshToken, String clientId);
}
