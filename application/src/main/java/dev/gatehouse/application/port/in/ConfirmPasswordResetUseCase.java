package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.PlainPassword;
import java.util.Objects;

public interface ConfirmPasswordResetUseCase {
    /**
     * @param uid optional: the uid from the mailed link (the {@code uid} mail parameter). When given, the
     *            token must belong to the user it names, else the answer is a field error on {@code uid}
     *            ("Invalid value"), as Django's reset confirmation gives.
     */
    record ConfirmPasswordResetCommand(String token, PlainPassword newPassword, PlainPassword confirmPassword, ClientInfo client,
                                       String uid, SignIn signIn) {
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
     *         uid does not name the token's user
     */
    Redeemed confirmPasswordReset(ConfirmPasswordResetCommand command);
}
