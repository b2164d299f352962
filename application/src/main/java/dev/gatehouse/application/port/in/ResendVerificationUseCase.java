package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.EmailAddress;

public interface ResendVerificationUseCase {
    /** Mails a new link when the address belongs to an unverified account; otherwise does nothing, silently. */
    void resendVerification(EmailAddress email);
}
