package dev.gatehouse.application.service;

import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.RegisterPasskeyUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.PasskeyRepository;
import dev.gatehouse.application.port.out.PasskeyVerifier;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyChallenge;
import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class RegisterPasskeyService implements RegisterPasskeyUseCase {
    static final String FIELD = "credential";
    private final PasskeyCeremonies ceremonies;
    private final PasskeyVerifier verifier;
    private final PasskeyRepository passkeys;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public RegisterPasskeyService(PasskeyCeremonies ceremonies, PasskeyVerifier verifier, PasskeyRepository passkeys,
                                  Transactions transactions, AuditLog audit, Clock clock) {
        this.ceremonies = ceremonies;
        this.verifier = verifier;
        this.passkeys = passkeys;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Passkey registerPasskey(RegisterPasskeyCommand command) {
        Instant now = clock.instant();
        UserId user = command.caller().user().id();
        byte[] challenge;
        try {
            challenge = verifier.registrationChallenge(command.credential());
        } catch (PasskeyVerifier.RejectedException e) {
            throw ValidationFailedException.of(FIELD, "Not a WebAuthn registration response.");
        }
        // Taken before it is checked: a challenge answers one attempt, whatever its outcome.
        Optional<PasskeyChallenge> taken = ceremonies.take(challenge, PasskeyChallenge.Ceremony.REGISTRATION, now);
        if (taken.isEmpty() || !user.equals(taken.get().user())) {
            throw ValidationFailedException.of(FIELD, "This registration was not started here, was used already or has expired; start again.");
        }
        PasskeyVerifier.NewCredential created;
        try {
            created = verifier.verifyRegistration(command.credential(), challenge);
        } catch (PasskeyVerifier.RejectedException e) {
            throw ValidationFailedException.of(FIELD, "The passkey could not be verified: " + e.getMessage() + ".");
        }
        Passkey passkey = Passkey.register(PasskeyId.newId(now), user, created.credentialId(), created.credentialData(),
                created.transports(), created.backupEligible(), created.backedUp(), created.userVerified(),
                created.signCount(), command.name(), now);
        try {
            transactions.run(() -> {
                passkeys.insert(passkey);
                audit.record(AuditEvent.of(now, AuditEvent.Type.PASSKEY_ADDED, user, null, command.client().ip(),
                        "passkey " + passkey.id()));
            });
        } catch (PasskeyRepository.DuplicatePasskeyException e) {
            throw ValidationFailedException.of(FIELD, "This passkey is registered already.");
        }
        return passkey;
    }
}
