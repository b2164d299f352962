package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Profile;
import java.util.Objects;

public interface RegisterUserUseCase {

    /** {@code confirmPassword} is optional; when given it must equal {@code password}. */
    record RegisterUserCommand(EmailAddress email, Profile profile, PlainPassword password,
                               PlainPassword confirmPassword, ClientInfo client) {
        public RegisterUserCommand {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            profile = profile == null ? Profile.EMPTY : profile;
            client = client == null ? ClientInfo.UNKNOWN : client;
        }
    }

    sealed interface RegistrationResult {
        /** Verification mode none or optional: the new user is logged in. */
        record Registered(AuthenticatedUser authenticated) implements RegistrationResult {
        }

        /** Verification mode mandatory: nothing to show until the address is confirmed. */
        record PendingVerification() implements RegistrationResult {
        }
    }

    RegistrationResult register(RegisterUserCommand command);
}
