package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.identity.ExternalIdentity;
import dev.gatehouse.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outside identities linked to our users. */
public interface IdentityRepository {
    Optional<ExternalIdentity> find(String provider, String subject);

    List<ExternalIdentity> ofUser(UserId user);

    /** The user's identities, locked until the transaction ends. */
    List<ExternalIdentity> lockOfUser(UserId user);

    /** @throws DuplicateIdentityException when (provider, subject) is linked already (a concurrent link won) */
    void insert(ExternalIdentity identity);

    void update(ExternalIdentity identity);

    /** @return whether a row of this user went */
    boolean delete(UserId user, UUID id);

    /** (provider, subject) is linked already. */
    final class DuplicateIdentityException extends RuntimeException {
        public DuplicateIdentityException() {
            super("identity already linked", null, false, false);
        }
    }
}
