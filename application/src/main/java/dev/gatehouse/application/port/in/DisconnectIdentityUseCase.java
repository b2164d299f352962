package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.identity.ExternalIdentity;
import java.util.UUID;

public interface DisconnectIdentityUseCase {
    /**
     * Unlinks one of the caller's identities.
     *
     * @return the identity as it was
     * @throws dev.gatehouse.application.error.NotFoundException when the caller has no identity of that id
     * @throws dev.gatehouse.application.error.SocialLoginException {@code last_login_method} when the account has no
     *         password and no other identity
     */
    ExternalIdentity disconnect(Principal caller, UUID identityId);
}
