package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.port.in.DeletePasskeyUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.PasskeyRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.session.ClientInfo;
import java.time.Clock;

public final class DeletePasskeyService implements DeletePasskeyUseCase {
    private final PasskeyRepository passkeys;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public DeletePasskeyService(PasskeyRepository passkeys, Transactions transactions, AuditLog audit, Clock clock) {
        this.passkeys = passkeys;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void deletePasskey(Principal caller, PasskeyId id, ClientInfo client) {
        transactions.run(() -> {
            if (!passkeys.delete(caller.user().id(), id)) {
                throw new NotFoundException("Passkey");
            }
            audit.record(AuditEvent.of(clock.instant(), AuditEvent.Type.PASSKEY_REMOVED, caller.user().id(), null,
                    client == null ? null : client.ip(), "passkey " + id));
        });
    }
}
