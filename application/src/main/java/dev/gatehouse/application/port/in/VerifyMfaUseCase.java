package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import java.util.Objects;

/**
 * Completes a login that answered "MFA required": the mfa_token and a code from the app (or a recovery
 * code) open the session, at assurance level 2.
 */
public interface VerifyMfaUseCase {
    record VerifyMfaCommand(String mfaToken, String code, ClientInfo client) {
        public VerifyMfaCommand {
            Objects.requireNonNull(mfaToken, "mfaToken");
            Objects.requireNonNull(code, "code");
            client = client == null ? ClientInfo.UNKNOWN : client;
        }

        @Override
        public String toString() {
            return "VerifyMfaCommand[redacted]";
        }
    }

    /**
     * @throws dev.gatehouse.application.error.TokenNotValidException      unknown, used, expired or exhausted mfa_token
     * @throws dev.gatehouse.application.error.InvalidCredentialsException wrong code (the fifth kills the mfa_token)
     * @throws dev.gatehouse.application.error.RateLimitedException        too many guesses for the account or from the client
     */
    AuthenticatedUser verify(VerifyMfaCommand command);
}
