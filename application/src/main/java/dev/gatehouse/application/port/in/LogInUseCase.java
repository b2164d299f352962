package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.user.PlainPassword;
import java.util.Objects;

public interface LogInUseCase {
    int MAX_IDENTIFIER_LENGTH = 254;

    /**
     * {@code identifier} is an email address or a username. {@code clientId} is the client the session is
     * opened for (Gatehouse's own API unless an OAuth client asked), {@code scope} what it was granted (or null).
     */
    record LogInCommand(String identifier, PlainPassword password, ClientInfo client, String clientId, String scope) {
        public LogInCommand {
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(password, "password");
            client = client == null ? ClientInfo.UNKNOWN : client;
            clientId = clientId == null ? Session.FIRST_PARTY_CLIENT : clientId;
        }

        /** A login at Gatehouse's own API, without scope. */
        public LogInCommand(String identifier, PlainPassword password, ClientInfo client) {
            this(identifier, password, client, null, null);
        }
    }

    sealed interface LogInResult {
        record LoggedIn(AuthenticatedUser authenticated) implements LogInResult {
        }

        /**
         * Refused. {@code INVALID_CREDENTIALS} covers unknown accounts and wrong passwords alike;
         * the other reasons are given only after the password was right.
         */
        record Refused(Reason reason) implements LogInResult {
        }

        enum Reason { INVALID_CREDENTIALS, ACCOUNT_DISABLED, EMAIL_NOT_VERIFIED }

        /**
         * Too many attempts from this client address, or too many failures for this account (locked
         * for a while; a password reset still works). Unknown accounts lock exactly like known ones.
         */
        record Throttled(java.time.Duration retryAfter) implements LogInResult {
        }

        /**
         * The password was right and the account has a second factor: no session yet. The client sends
         * {@code mfaToken} (opaque, single use, until {@code expiresAt}) with a code to {@link VerifyMfaUseCase};
         * {@code methods} are the kinds of code it accepts.
         */
        record MfaRequired(String mfaToken, java.util.List<String> methods, java.time.Instant expiresAt) implements LogInResult {
            public MfaRequired {
                methods = java.util.List.copyOf(methods);
            }

            @Override
            public String toString() {
                return "MfaRequired[methods=" + methods + ", expiresAt=" + expiresAt + "]";
            }
        }
    }

    LogInResult logIn(LogInCommand command);
}
