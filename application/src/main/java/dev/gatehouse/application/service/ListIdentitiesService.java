package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ListIdentitiesUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.IdentityRepository;
import dev.gatehouse.domain.identity.ExternalIdentity;
import java.util.List;

public final class ListIdentitiesService implements ListIdentitiesUseCase {
    private final IdentityRepository identities;

    public ListIdentitiesService(IdentityRepository identities) {
        this.identities = identities;
    }

    @Override
    public List<ExternalIdentity> list(Principal caller) {
        return identities.ofUser(caller.user().id());
    }
}
