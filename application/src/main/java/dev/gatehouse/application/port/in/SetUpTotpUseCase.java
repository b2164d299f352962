package dev.gatehouse.application.port.in;

/** Starts adding an authenticator app: a fresh secret, pending until a code from it confirms it. */
public interface SetUpTotpUseCase {
    /**
     * What the user needs to add the account to an app. {@code activationToken} names this set-up; a
     * confirmation may present it (dj-rest-auth's clients do), and then it must match.
     */
    record TotpSetup(String secret, String otpauthUri, String qrSvg, String activationToken) {
        @Override
        public String toString() {
            return "TotpSetup[redacted]";
        }
    }

    /**
     * @throws dev.gatehouse.application.error.MfaStateException             when an app is already active
     * @throws dev.gatehouse.application.error.RecentLoginRequiredException the caller's session was not opened recently
     */
    TotpSetup setUp(Principal caller);
}
