package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import java.util.Objects;

public interface VerifyEmailUseCase {
    /** {@code token} as presented; a missing or malformed one is simply not valid. */
    record VerifyEmailCommand(String token, ClientInfo client, SignIn signIn) {
        public VerifyEmailCommand {
            Objects.requireNonNull(signIn, "signIn");
            client = client == null ? ClientInfo.UNKNOWN : client;
        }
    }

    /**
     * Spends a verification token (counted as a token guess of the client): the address is marked
     * verified, every session opened before this first proof is revoked, and, when asked, a new one starts.
     *
     * @throws dev.gatehouse.application.error.RateLimitedException too many token guesses from the client
     * @throws dev.gatehouse.application.error.TokenNotValidException unknown, used, expired or superseded
     * @throws dev.gatehouse.application.error.AccountDisabledException the account was disabled meanwhile
     */
    Redeemed verifyEmail(VerifyEmailCommand command);
}
