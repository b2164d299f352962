package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.GetMfaStatusUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.SecondFactorRepository;
import dev.gatehouse.domain.mfa.TotpEnrolment;
import java.util.Optional;

public final class GetMfaStatusService implements GetMfaStatusUseCase {
    private final SecondFactorRepository store;

    public GetMfaStatusService(SecondFactorRepository store) {
        this.store = store;
    }

    @Override
    public MfaStatus status(Principal caller) {
        Optional<TotpEnrolment> active = store.findTotp(caller.user().id()).filter(TotpEnrolment::isActive);
        return new MfaStatus(active.isPresent(), active.isPresent() ? store.recoveryCodesLeft(caller.user().id()) : 0,
                active.map(TotpEnrolment::confirmedAt).orElse(null), active.map(TotpEnrolment::lastUsedAt).orElse(null));
    }
}
