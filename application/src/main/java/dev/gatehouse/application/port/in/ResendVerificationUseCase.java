package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;

public interface ResendVerificationUseCase {
    /**
     * Mails a new link when the address belongs to an unverified account; otherwise does nothing, silently.
     * Counted as a mail request (per client and per address) and held to the enumeration floor, so the
     * answer is the same, in time too, for every address.
     *
     * @throws dev.gatehouse.application.error.RateLimitedException over the mail limits
     */
    void resendVerification(EmailAddress email, ClientInfo client);
}
