package dev.gatehouse.application.service;

import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.DeleteAccountUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;

/** Erasure, the same whoever asks for it (see docs/adr on erasure). */
public final class DeleteAccountService implements DeleteAccountUseCase {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final SecondFactors factors;
    private final PasswordConfirmation passwords;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public DeleteAccountService(UserRepository users, SessionRepository sessions, PasswordConfirmation passwords, SecondFactors factors,
                                AuditLog audit,
                                Transactions transactions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.factors = factors;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void deleteOwnAccount(DeleteOwnAccountCommand command) {
        User caller = command.caller().user();
        if (command.code() == null) {
            passwords.require(caller, command.password());
        } else {
            proveByCode(caller, command.code());
        }
        erase(caller.id(), null, "deleted by the user");
    }

    /** A code of the account's authenticator app (or a recovery code), with the same per-account limit as everywhere. */
    private void proveByCode(User caller, String code) {
        Instant now = clock.instant();
        if (!factors.isOn(caller.id())) {
            throw ValidationFailedException.of("code", "This account has no authenticator app: give the password.");
        }
        factors.admitGuess(caller, null, now);
        if (transactions.inTransaction(() -> factors.check(caller.id(), code, now)).isEmpty()) {
            factors.recordFailure(caller, null, now, "wrong code (deleting the account)");
            throw ValidationFailedException.of("code", ConfirmTotpService.INVALID_CODE);
        }
        factors.guessSucceeded(caller);
    }

    @Override
    public void deleteAccount(Principal admin, UserId id) {
        Admins.require(admin);
        erase(id, admin.user().id(), "deleted by an administrator");
    }

    private void erase(UserId id, UserId actor, String detail) {
        Instant now = clock.instant();
        transactions.run(() -> {
            User user = users.findById(id).orElseThrow(() -> new NotFoundException("User"));
            Admins.requireAnotherAdmin(users, user);
            // Revoked first so that no cache or replica still holds a live session, then the row goes
            // (sessions, refresh tokens and links cascade with it).
            sessions.revokeAllOf(user.id(), null, now, Session.RevokeReason.ACCOUNT_DELETED);
            users.delete(user.id());
            audit.forgetClientAddresses(user.id());
            audit.record(AuditEvent.of(now, AuditEvent.Type.ACCOUNT_DELETED, user.id(), actor, null, detail));
        });
    }
}
