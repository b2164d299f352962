package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;

public interface VerifyEmailUseCase {
    /**
     * Spends a verification token: the address is marked verified and the user is logged in.
     *
     * @throws dev.gatehouse.application.error.TokenNotValidException unknown, used, expired or superseded
     * @throws dev.gatehouse.application.error.AccountDisabledException the account was disabled meanwhile
     */
    AuthenticatedUser verifyEmail(String token, ClientInfo client);
}
