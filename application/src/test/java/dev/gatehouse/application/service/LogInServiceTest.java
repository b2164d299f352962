package dev.gatehouse.application.service;

import static dev.gatehouse.application.fakes.Fixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.gatehouse.application.fakes.FakePasswordHasher;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.LogInUseCase.LogInCommand;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult.Reason;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogInServiceTest {

    private static LogInResult logIn(Fixture fx, String identifier, String password) {
        return new LogInService(fx.users, fx.hasher, fx.issuer, fx.transactions, fx.limiter, fx.audit, fx.source, fx.clock,
                fx.secondFactors)
                .logIn(new LogInCommand(identifier, PlainPassword.of(password), null));
    }

    private static void assertRefused(Reason reason, LogInResult result) {
        assertEquals(new LogInResult.Refused(reason), result);
    }

    @Test
    void anUnknownAccountSpendsOneDummyVerification() {
        Fixture fx = new Fixture();
        fx.addUser("ann@example.com", "ann");
        assertRefused(Reason.INVALID_CREDENTIALS, logIn(fx, "bob@example.com", PASSWORD));
        assertEquals(1, fx.hasher.dummyCalls);
        assertEquals(0, fx.hasher.verifyCalls);
        assertEquals(0, fx.sessions.count());
    }

    @Test
    void aWrongPasswordIsInvalidCredentials() {
        Fixture fx = new Fixture();
        fx.addUser("ann@example.com", "ann");
        assertRefused(Reason.INVALID_CREDENTIALS, logIn(fx, "ann@example.com", PASSWORD + "x"));
        assertEquals(0, fx.hasher.dummyCalls);
        assertEquals(1, fx.hasher.verifyCalls);
        assertEquals(0, fx.sessions.count());
    }

    @Test
    void aDisabledAccountIsRevealedOnlyAfterTheRightPassword() {
        Fixture fx = new Fixture();
        User ann = fx.addUser("ann@example.com", "ann");
        ann.deactivate();
        fx.users.update(ann);
        assertRefused(Reason.INVALID_CREDENTIALS, logIn(fx, "ann@example.com", "wrong password"));
        assertRefused(Reason.ACCOUNT_DISABLED, logIn(fx, "ann@example.com", PASSWORD));
        assertEquals(0, fx.sessions.count());
    }

    @Test
    void mandatoryVerificationRefusesUnverifiedAccounts() {
        Fixture fx = new Fixture(VerificationMode.MANDATORY);
        User ann = fx.addUser("ann@example.com", "ann");
        assertRefused(Reason.INVALID_CREDENTIALS, logIn(fx, "ann@example.com", "wrong password"));
        assertRefused(Reason.EMAIL_NOT_VERIFIED, logIn(fx, "ann@example.com", PASSWORD));
        assertEquals(0, fx.sessions.count());

        ann.confirmEmail();
        fx.users.update(ann);
        assertInstanceOf(LogInResult.LoggedIn.class, logIn(fx, "ann@example.com", PASSWORD));
    }

    @Test
    void unverifiedAccountsLogInWhenVerificationIsOptional() {
        Fixture fx = new Fixture(VerificationMode.OPTIONAL);
        fx.addUser("ann@example.com", "ann");
        assertInstanceOf(LogInResult.LoggedIn.class, logIn(fx, "ann@example.com", PASSWORD));
    }

    @Test
    void aSuccessfulLoginRecordsTheTimeAndStartsASession() {
        Fixture fx = new Fixture();
        User ann = fx.addUser("ann@example.com", "Ann Lee");
        fx.clock.advance(Duration.ofHours(2));

        var loggedIn = assertInstanceOf(LogInResult.LoggedIn.class, logIn(fx, "  ANN LEE ", PASSWORD));

        assertEquals(fx.clock.instant(), fx.users.get(ann.id()).lastLogin());
        var tokens = loggedIn.authenticated().tokens();
        var session = fx.sessions.findBySessionToken(OpaqueToken.parse(tokens.refresh()).orElseThrow().hash()).orElseThrow();
        assertEquals(ann.id(), session.userId());
        assertEquals(fx.clock.instant().plus(Fixture.ACCESS_TTL), tokens.accessExpiresAt());
        assertEquals(0, fx.hasher.hashCalls, "no rehash for a current hash");
        assertEquals(ann.passwordHash(), fx.users.get(ann.id()).passwordHash());
    }

    @Test
    void aHashWithOldParametersIsUpgradedWithoutChangingThePasswordTime() {
        Fixture fx = new Fixture();
        User ann = fx.addUser("ann@example.com", "ann");
        ann.upgradePasswordHash(FakePasswordHasher.legacyHashOf(PASSWORD));
        fx.users.update(ann);
        fx.clock.advance(Duration.ofDays(1));

        assertInstanceOf(LogInResult.LoggedIn.class, logIn(fx, "ann", PASSWORD));

        User stored = fx.users.get(ann.id());
        assertEquals(FakePasswordHasher.hashOf(PASSWORD), stored.passwordHash());
        assertEquals(Fixture.T0, stored.passwordChangedAt());
        assertEquals(1, fx.hasher.hashCalls);
    }

    @Test
    void aLoginForAnOAuthClientOpensItsSessionWithTheGrantedScope() {
        Fixture fx = new Fixture();
        fx.addUser("ann@example.com", "ann");
        LogInResult result = new LogInService(fx.users, fx.hasher, fx.issuer, fx.transactions, fx.limiter, fx.audit, fx.source, fx.clock,
                fx.secondFactors)
                .logIn(new LogInCommand("ann", PlainPassword.of(PASSWORD), null, "cli", "profile email"));
        var tokens = assertInstanceOf(LogInResult.LoggedIn.class, result).authenticated().tokens();
        assertEquals("cli", tokens.clientId());
        assertEquals("profile email", tokens.scope());
        assertEquals("cli", fx.sessions.get(tokens.sessionId()).clientId());
    }
}
