package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;

/**
 * Limits on the requests that cost us mail or let a client guess: called by the driving adapter
 * before the use case. Login has its own, finer rules inside {@link LogInUseCase}.
 */
public interface ThrottleUseCase {
    enum Action {
        /** verify-email/resend and password/reset: per client address and per email address */
        MAIL_REQUEST,
        /** verify-email and password/reset/confirm: per client address */
        TOKEN_GUESS,
        /** register: per client address */
        REGISTRATION
    }

    /**
     * Counts one request.
     *
     * @param email the address the request is about, or null
     * @throws dev.gatehouse.application.error.RateLimitedException over the limit
     */
    void admit(Action action, ClientInfo client, EmailAddress email);
}
