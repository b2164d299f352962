package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.EmailAddress;

public interface RequestPasswordResetUseCase {
    /** Mails a reset link when the address belongs to an active account; otherwise does nothing, silently. */
    void requestPasswordReset(EmailAddress email);
}
