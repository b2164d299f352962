package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.application.port.in.LogInWithPasskeyUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.PasskeyRepository;
import dev.gatehouse.application.port.out.PasskeyVerifier;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyChallenge;
import dev.gatehouse.domain.session.Assurance;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class LogInWithPasskeyService implements LogInWithPasskeyUseCase {
    /**
     * A passkey is a multi-factor cryptographic authenticator: something held (the private key never leaves it)
     * and, with user verification required at every ceremony, something known or something one is.
     */
    static final Assurance PASSKEY = Assurance.of(Assurance.Level.AAL2, Assurance.Method.HWK);

    private final PasskeyCeremonies ceremonies;
    private final PasskeyVerifier verifier;
    private final PasskeyRepository passkeys;
    private final UserRepository users;
    private final SessionIssuer issuer;
    private final Transactions transactions;
    private final Throttle throttle;
    private final AuditLog audit;
    private final SettingsSource settings;
    private final Clock clock;

    public LogInWithPasskeyService(PasskeyCeremonies ceremonies, PasskeyVerifier verifier, PasskeyRepository passkeys,
                                   UserRepository users, SessionIssuer issuer, Transactions transactions, Throttle throttle,
                                   AuditLog audit, SettingsSource settings, Clock clock) {
        this.ceremonies = ceremonies;
        this.verifier = verifier;
        this.passkeys = passkeys;
        this.users = users;
        this.issuer = issuer;
        this.transactions = transactions;
        this.throttle = throttle;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public LogInResult logInWithPasskey(PasskeyLogInCommand command) {
        throttle.admit(Throttle.Action.LOGIN, command.client(), null);
        Instant now = clock.instant();
        String ip = command.client().ip();
        PasskeyVerifier.AssertionClaims claims;
        try {
            claims = verifier.readAssertion(command.credential());
        } catch (PasskeyVerifier.RejectedException e) {
            return failed(now, null, ip, "passkey: not a WebAuthn assertion");
        }
        if (command.ceremony() != null && !TokenHash.constantTimeEquals(command.ceremony(), claims.challenge())) {
            return failed(now, null, ip, "passkey: answers another ceremony than the one named");
        }
        // Spent before anything is checked: a replayed assertion finds no challenge, even if the first failed.
        Optional<PasskeyChallenge> challenge = ceremonies.take(claims.challenge(), PasskeyChallenge.Ceremony.AUTHENTICATION, now);
        if (challenge.isEmpty()) {
            return failed(now, null, ip, "passkey: unknown, spent or expired challenge");
        }
        Optional<Passkey> found = passkeys.findByCredentialId(claims.credentialId());
        if (found.isEmpty()) {
            return failed(now, null, ip, "passkey: unknown credential");
        }
        Passkey passkey = found.get();
        UserId bound = challenge.get().user();
        if (bound != null && !bound.equals(passkey.userId())) {
            return failed(now, passkey.userId(), ip, "passkey " + passkey.id() + " presented for another account's sign-in");
        }
        if (claims.userHandle() != null
                && !TokenHash.constantTimeEquals(claims.userHandle(), PasskeyCeremonies.userHandle(passkey.userId()))) {
            return failed(now, passkey.userId(), ip, "passkey " + passkey.id() + ": user handle of another account");
        }
        PasskeyVerifier.VerifiedAssertion verified;
        try {
            verified = verifier.verifyAssertion(command.credential(), claims.challenge(), passkey);
        } catch (PasskeyVerifier.CounterRegressedException e) {
            return counterRegressed(now, passkey, e.presented(), ip);
        } catch (PasskeyVerifier.RejectedException e) {
            return failed(now, passkey.userId(), ip, "passkey " + passkey.id() + ": " + e.getMessage());
        }
        // The domain's rule, whatever the verifier checked: a counter that did not advance may be a cloned key.
        if (passkey.counterRegresses(verified.signCount())) {
            return counterRegressed(now, passkey, verified.signCount(), ip);
        }
        Optional<User> owner = users.findById(passkey.userId());
        if (owner.isEmpty()) {
            return failed(now, null, ip, "passkey: account gone");
        }
        User user = owner.get();
        if (!user.isActive()) {
            return new LogInResult.Refused(LogInResult.Reason.ACCOUNT_DISABLED);
        }
        if (settings.current().verificationMode() == VerificationMode.MANDATORY && !user.isEmailVerified()) {
            return new LogInResult.Refused(LogInResult.Reason.EMAIL_NOT_VERIFIED);
        }
        long previousCount = passkey.signCount();
        SessionIssuer.StartedSession started = transactions.inTransaction(() -> {
            passkey.recordUse(verified.signCount(), verified.backedUp(), now);
            if (!passkeys.recordUse(passkey, previousCount)) {
                // Another sign-in moved the counter since it was read: two answers with one counter, a cloned key.
                return null;
            }
            user.recordLogin(now);
            users.recordLogin(user);
            audit.record(AuditEvent.of(now, AuditEvent.Type.LOGIN_SUCCESS, user.id(), null, ip, "passkey " + passkey.id()));
            return issuer.start(user, command.client(), now, PASSKEY, Session.FIRST_PARTY_CLIENT, null);
        });
        if (started == null) {
            audit.record(AuditEvent.of(now, AuditEvent.Type.PASSKEY_COUNTER_REGRESSED, passkey.userId(), null, ip,
                    "passkey " + passkey.id() + ": sign counter " + verified.signCount() + " presented twice at once (it was "
                            + previousCount + "); possibly a cloned authenticator, sign-in refused"));
            return new LogInResult.Refused(LogInResult.Reason.INVALID_CREDENTIALS);
        }
        return new LogInResult.LoggedIn(new AuthenticatedUser(user, issuer.tokens(user, started, now)));
    }

    private LogInResult counterRegressed(Instant now, Passkey passkey, long presented, String ip) {
        audit.record(AuditEvent.of(now, AuditEvent.Type.PASSKEY_COUNTER_REGRESSED, passkey.userId(), null, ip,
                "passkey " + passkey.id() + ": sign counter " + presented + " after " + passkey.signCount()
                        + "; possibly a cloned authenticator, sign-in refused"));
        return new LogInResult.Refused(LogInResult.Reason.INVALID_CREDENTIALS);
    }

    private LogInResult failed(Instant now, UserId user, String ip, String detail) {
        audit.record(AuditEvent.of(now, AuditEvent.Type.LOGIN_FAILURE, user, null, ip, detail));
        return new LogInResult.Refused(LogInResult.Reason.INVALID_CREDENTIALS);
    }
}
