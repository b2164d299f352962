package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;

public interface RequestPasswordResetUseCase {
    /**
     * Mails a reset link when the address belongs to an active account; otherwise does nothing, silently.
     * Counted as a mail request (per client and per address) and held to the enumeration floor, so the
     * answer is the same, in time too, for every address.
     *
     * @throws dev.gatehouse.application.error.RateLimitedException over the mail limits
     */
    void requestPasswordReset(EmailAddress email, ClientInfo client);
}
