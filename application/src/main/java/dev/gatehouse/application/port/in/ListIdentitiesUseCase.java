package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.identity.ExternalIdentity;
import java.util.List;

public interface ListIdentitiesUseCase {
    /** The caller's linked identities, oldest first. */
    List<ExternalIdentity> list(Principal caller);
}
