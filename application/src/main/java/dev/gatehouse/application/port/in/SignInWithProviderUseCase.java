package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.ClientInfo;
import java.util.Objects;

/**
 * Signs in with a credential the client got from the provider itself (a native app's id_token; a
 * frontend's authorization code; a bare access token is never accepted: it says nothing about which app it was issued to), creating or joining an account by the linking rules.
 */
public interface SignInWithProviderUseCase {
    record SignInWithProviderCommand(String provider, ProviderCredential credential, ClientInfo client) {
        public SignInWithProviderCommand {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(credential, "credential");
            client = client == null ? ClientInfo.UNKNOWN : client;
            if (credential instanceof ProviderCredential.FlowCode) {
                throw new IllegalArgumentException("a browser flow's code is redeemed, not signed in with");
            }
        }
    }

    SocialSignInResult signIn(SignInWithProviderCommand command);
}
