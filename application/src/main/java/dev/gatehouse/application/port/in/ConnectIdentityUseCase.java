package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.identity.ExternalIdentity;
import dev.gatehouse.domain.session.ClientInfo;
import java.util.Objects;

/** Links an identity at a provider to the signed-in caller's account. */
public interface ConnectIdentityUseCase {
    record ConnectIdentityCommand(Principal caller, String provider, ProviderCredential credential, ClientInfo client) {
        public ConnectIdentityCommand {
            client = client == null ? ClientInfo.UNKNOWN : client;
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(credential, "credential");
        }
    }

    /** @return the linked identity (the same one again when it was linked to the caller already) */
    ExternalIdentity connect(ConnectIdentityCommand command);
}
