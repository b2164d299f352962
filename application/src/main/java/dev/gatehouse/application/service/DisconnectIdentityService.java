package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.SocialLoginException;
import dev.gatehouse.application.port.in.DisconnectIdentityUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.IdentityRepository;
import dev.gatehouse.application.port.out.PasskeyRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.identity.ExternalIdentity;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class DisconnectIdentityService implements DisconnectIdentityUseCase {
    private final IdentityRepository identities;
    private final PasskeyRepository passkeys;
    private final UserRepository users;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public DisconnectIdentityService(IdentityRepository identities, PasskeyRepository passkeys, UserRepository users,
                                     Transactions transactions, AuditLog audit, Clock clock) {
        this.identities = identities;
        this.passkeys = passkeys;
        this.users = users;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ExternalIdentity disconnect(Principal caller, UUID identityId) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            // Locked: two removals at once must not both see "another way to sign in remains".
            List<ExternalIdentity> mine = identities.lockOfUser(caller.user().id());
            ExternalIdentity target = mine.stream().filter(i -> i.id().equals(identityId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Identity"));
            // Read again under the lock: the password may have been set since the caller's token was checked.
            User user = users.findById(caller.user().id()).orElseThrow(() -> new NotFoundException("Identity"));
            // A passkey is a way in of its own (a sign-in complete by itself), as a password or another identity is.
            if (!user.passwordHash().isUsable() && mine.size() <= 1 && passkeys.listFor(user.id()).isEmpty()) {
                throw new SocialLoginException(SocialLoginException.Reason.LAST_LOGIN_METHOD);
            }
            identities.delete(user.id(), identityId);
            audit.record(AuditEvent.of(now, AuditEvent.Type.IDENTITY_UNLINKED, user.id(), null, null, target.provider()));
            return target;
        });
    }
}
