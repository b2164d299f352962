package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RenamePasskeyUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.PasskeyRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.passkey.PasskeyName;
import java.time.Clock;

public final class RenamePasskeyService implements RenamePasskeyUseCase {
    private final PasskeyRepository passkeys;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public RenamePasskeyService(PasskeyRepository passkeys, Transactions transactions, AuditLog audit, Clock clock) {
        this.passkeys = passkeys;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Passkey renamePasskey(Principal caller, PasskeyId id, PasskeyName name) {
        return transactions.inTransaction(() -> {
            // Another user's passkey is "not found", exactly like an unknown id.
            Passkey passkey = passkeys.find(caller.user().id(), id).orElseThrow(() -> new NotFoundException("Passkey"));
            passkey.rename(name);
            passkeys.rename(passkey);
            audit.record(AuditEvent.of(clock.instant(), AuditEvent.Type.PASSKEY_RENAMED, caller.user().id(), null, null,
                    "passkey " + id));
            return passkey;
        });
    }
}
