package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.User;

/** Follows an email-change link: the account moves to the new address, which counts as verified. */
public interface ConfirmEmailChangeUseCase {
    /**
     * Counted as a token guess of the client.
     *
     * @throws dev.gatehouse.application.error.RateLimitedException too many token guesses from the client
     * @throws dev.gatehouse.application.error.TokenNotValidException unknown, used, expired or superseded link
     * @throws dev.gatehouse.application.error.EmailTakenException     another account has the address by now
     */
    User confirmEmailChange(String token, ClientInfo client);
}
