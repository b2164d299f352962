package dev.gatehouse.application.port.in;

/**
 * Revocation by the client that holds a token (RFC 7009): a refresh token or an access token ends the
 * session it belongs to, so every token of the family and every access token minted from it die at once.
 */
public interface RevokeTokenUseCase {
    /**
     * @param token    a refresh token or an access token
     * @param clientId the client asking; a token issued to another client is left alone
     */
    record RevokeTokenCommand(String token, String clientId) {
        @Override
        public String toString() {
            return "RevokeTokenCommand[clientId=" + clientId + "]";
        }
    }

    /**
     * Succeeds for unknown, expired, already revoked and foreign tokens alike (RFC 7009 §2.2): the answer
     * tells nobody whether a token existed.
     */
    void revoke(RevokeTokenCommand command);
}
