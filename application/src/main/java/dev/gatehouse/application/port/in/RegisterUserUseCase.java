package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.User;
import java.util.Objects;
import java.util.Optional;

public interface RegisterUserUseCase {
    /** The field errors for a name another account holds; dialects that word them otherwise translate these. */
    String EMAIL_TAKEN = "A user with this email already exists.";
    String USERNAME_TAKEN = "A user with that username already exists.";

    /** {@code confirmPassword} is optional; when given it must equal {@code password}. */
    record RegisterUserCommand(EmailAddress email, Profile profile, PlainPassword password,
                               PlainPassword confirmPassword, ClientInfo client, SignIn signIn) {
        public RegisterUserCommand {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(signIn, "signIn");
            profile = profile == null ? Profile.EMPTY : profile;
            client = client == null ? ClientInfo.UNKNOWN : client;
        }
    }

    sealed interface RegistrationResult {
        /**
         * Verification mode none or optional: the account exists, and with {@link SignIn#START_SESSION}
         * the new user is logged in (recorded as the first login).
         */
        record Registered(User user, Optional<IssuedTokens> tokens) implements RegistrationResult {
            public AuthenticatedUser authenticated() {
                return new Redeemed(user, tokens).authenticated();
            }
        }

        /** Verification mode mandatory: nothing to show until the address is confirmed. */
        record PendingVerification() implements RegistrationResult {
        }
    }

    /**
     * Counted as a registration of the client. In mandatory mode the answer is the same, in time too,
     * whether or not the address is taken (the enumeration floor).
     *
     * @throws dev.gatehouse.application.error.RateLimitedException too many registrations from the client
     * @throws dev.gatehouse.application.error.ValidationFailedException policy, mismatch or a taken name
     */
    RegistrationResult register(RegisterUserCommand command);
}
