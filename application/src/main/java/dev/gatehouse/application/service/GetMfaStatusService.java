package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.GetMfaStatusUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.PasskeyRepository;
import dev.gatehouse.application.port.out.SecondFactorRepository;
import dev.gatehouse.domain.mfa.TotpEnrolment;
import java.util.Optional;

public final class GetMfaStatusService implements GetMfaStatusUseCase {
    private final SecondFactorRepository store;
    private final PasskeyRepository passkeys;

    public GetMfaStatusService(SecondFactorRepository store, PasskeyRepository passkeys) {
        this.store = store;
        this.passkeys = passkeys;
    }

    @Override
    public MfaStatus status(Principal caller) {
        Optional<TotpEnrolment> active = store.findTotp(caller.user().id()).filter(TotpEnrolment::isActive);
        // A passkey is a way to sign in of its own (aal2), not a second step of the password login; it is
        // counted here because it is the account's other strong factor.
        return new MfaStatus(active.isPresent(), passkeys.listFor(caller.user().id()).size(), active.isPresent() ? store.recoveryCodesLeft(caller.user().id()) : 0,
                active.map(TotpEnrolment::confirmedAt).orElse(null), active.map(TotpEnrolment::lastUsedAt).orElse(null));
    }
}
