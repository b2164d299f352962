package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;

/** The command-line way to the first administrator: never reachable over HTTP. */
public interface CreateAdminUseCase {
    enum Outcome { CREATED, PROMOTED, ALREADY_ADMIN }

    /**
     * Creates an active, verified administrator, or promotes the existing account with that email
     * (whose password then stays as it is).
     *
     * @throws dev.gatehouse.application.error.ValidationFailedException when a new account's password breaks the policy
     */
    Outcome createAdmin(EmailAddress email, PlainPassword password);
}
