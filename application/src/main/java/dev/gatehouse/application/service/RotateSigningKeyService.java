package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RotateSigningKeyUseCase;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.domain.audit.AuditEvent;
import java.time.Clock;

public final class RotateSigningKeyService implements RotateSigningKeyUseCase {
    private final AccessTokenSigner signer;
    private final AuditLog audit;
    private final Clock clock;

    public RotateSigningKeyService(AccessTokenSigner signer, AuditLog audit, Clock clock) {
        this.signer = signer;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String rotateSigningKey(Principal admin) {
        Admins.require(admin);
        String kid = signer.rotate();
        audit.record(AuditEvent.of(clock.instant(), AuditEvent.Type.KEY_ROTATED, null, admin.user().id(), null, "new key " + kid));
        return kid;
    }
}
