package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import java.util.Objects;

/** Starts the browser flow: a pending authorization stored here, and the provider's URL to send the browser to. */
public interface BeginSocialLoginUseCase {
    /** @param connect the flow ends in a code that connects the identity to a signed-in account, not in a sign-in */
    record BeginSocialLoginCommand(String provider, String redirectTo, boolean connect, ClientInfo client) {
        public BeginSocialLoginCommand {
            Objects.requireNonNull(provider, "provider");
            client = client == null ? ClientInfo.UNKNOWN : client;
        }
    }

    String begin(BeginSocialLoginCommand command);
}
