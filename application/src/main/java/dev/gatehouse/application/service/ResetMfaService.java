package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.ResetMfaUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.MfaChallengeRepository;
import dev.gatehouse.application.port.out.SecondFactorRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;

public final class ResetMfaService implements ResetMfaUseCase {
    private final UserRepository users;
    private final SecondFactorRepository store;
    private final MfaChallengeRepository challenges;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public ResetMfaService(UserRepository users, SecondFactorRepository store, MfaChallengeRepository challenges,
                           Transactions transactions, AuditLog audit, Clock clock) {
        this.users = users;
        this.store = store;
        this.challenges = challenges;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void resetMfa(Principal admin, UserId userId) {
        Admins.require(admin);
        Instant now = clock.instant();
        transactions.run(() -> {
            User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
            store.deleteAll(user.id());
            challenges.deleteAllOf(user.id());
            audit.record(AuditEvent.of(now, AuditEvent.Type.MFA_RESET, user.id(), admin.user().id(), null, "reset by an administrator"));
        });
    }
}
