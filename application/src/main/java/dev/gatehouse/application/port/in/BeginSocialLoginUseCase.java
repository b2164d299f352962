package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import java.util.Objects;

/** Starts the browser flow: a pending authorization stored here, and the provider's URL to send the browser to. */
public interface BeginSocialLoginUseCase {
    /**
     * @param connect       the flow ends in a code that connects the identity to a signed-in account, not in a sign-in
     * @param codeChallenge the frontend's PKCE S256 challenge for the code it will redeem, or null
     */
    record BeginSocialLoginCommand(String provider, String redirectTo, boolean connect, String codeChallenge, ClientInfo client) {
        public BeginSocialLoginCommand {
            Objects.requireNonNull(provider, "provider");
            client = client == null ? ClientInfo.UNKNOWN : client;
            if (codeChallenge != null && !codeChallenge.matches("[A-Za-z0-9_-]{43}")) {
                throw new IllegalArgumentException("an S256 code challenge is 43 base64url characters");
            }
        }
    }

    String begin(BeginSocialLoginCommand command);
}
