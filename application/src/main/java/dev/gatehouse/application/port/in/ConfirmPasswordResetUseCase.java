package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.UserId;
import java.util.Objects;

public interface ConfirmPasswordResetUseCase {
    /**
     * @param expectedUser optional: the user the mailed link names besides its token (its {@code uid}
     *                     parameter). When given, that user must exist (else NotFoundException) and own
     *                     the token (else TokenNotValidException), in that order, as Django checks them.
     */
    record ConfirmPasswordResetCommand(String token, PlainPassword newPassword, PlainPassword confirmPassword, ClientInfo client,
                                       UserId expectedUser, SignIn signIn) {
        public ConfirmPasswordResetCommand {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(newPassword, "newPassword");
            Objects.requireNonNull(signIn, "signIn");
            client = client == null ? ClientInfo.UNKNOWN : client;
        }

        /** Without a uid: the token alone names the user. */
        public ConfirmPasswordResetCommand(String token, PlainPassword newPassword, PlainPassword confirmPassword, ClientInfo client,
                                           SignIn signIn) {
            this(token, newPassword, confirmPassword, client, null, signIn);
        }
    }

    /**
     * Sets the new password and revokes every session; when asked, a new one starts. Counted as a token
     * guess of the client.
     *
     * @throws dev.gatehouse.application.error.RateLimitedException too many token guesses from the client
     * @throws dev.gatehouse.application.error.TokenNotValidException unknown, used, expired, superseded, or
     *         issued before the password last changed
     * @throws dev.gatehouse.application.error.ValidationFailedException the new password breaks the policy, or the
     *         expected user does not own the token
     * @throws dev.gatehouse.application.error.NotFoundException the expected user does not exist
     */
    Redeemed confirmPasswordReset(ConfirmPasswordResetCommand command);
}
