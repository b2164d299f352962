package dev.gatehouse.application.service;

import static dev.gatehouse.application.fakes.ScriptedPasskeyVerifier.credential;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.fakes.InMemoryPasskeys;
import dev.gatehouse.application.fakes.ScriptedPasskeyVerifier;
import dev.gatehouse.application.port.in.BeginPasskeyLogInUseCase.BeginPasskeyLogInCommand;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.application.port.in.LogInWithPasskeyUseCase.PasskeyLogInCommand;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RegisterPasskeyUseCase.RegisterPasskeyCommand;
import dev.gatehouse.application.settings.WebAuthnSettings;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyChallenge;
import dev.gatehouse.domain.passkey.PasskeyName;
import dev.gatehouse.domain.session.Assurance;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasskeyServicesTest {
    private final Fixture f = new Fixture();
    private final InMemoryPasskeys store = new InMemoryPasskeys();
    private final ScriptedPasskeyVerifier verifier = new ScriptedPasskeyVerifier();
    private final PasskeyCeremonies ceremonies = new PasskeyCeremonies(store,
            new WebAuthnSettings("example.com", "Example", List.of("https://example.com"), Duration.ofMinutes(5)));
    private final BeginPasskeyRegistrationService beginRegistration = new BeginPasskeyRegistrationService(ceremonies, store,
            new RecentLogin(f.sessions, f.mfaSettings), f.clock);
    private final RegisterPasskeyService register = new RegisterPasskeyService(ceremonies, verifier, store, f.transactions, f.audit, f.clock);
    private final BeginPasskeyLogInService beginLogIn = new BeginPasskeyLogInService(ceremonies, f.users, f.throttle, f.clock);
    private final LogInWithPasskeyService logIn = new LogInWithPasskeyService(ceremonies, verifier, store, f.users, f.issuer,
            f.transactions, f.throttle, f.audit, f.source, f.clock);
    private final byte[] credentialId = {7, 7, 7};

    @org.junit.jupiter.api.Test
    void aPasskeyIsAddedOnlyFromARecentSignIn() {
        User user = f.addVerifiedUser("old-session@example.com", null);
        Principal caller = principal(user);
        f.clock.advance(java.time.Duration.ofMinutes(16));
        org.junit.jupiter.api.Assertions.assertThrows(dev.gatehouse.application.error.RecentLoginRequiredException.class,
                () -> beginRegistration.beginPasskeyRegistration(caller), "a stolen token of an old session plants no key");
        org.junit.jupiter.api.Assertions.assertNotNull(beginRegistration.beginPasskeyRegistration(principal(user)).challenge(),
                "a fresh sign-in may");
    }

    private Principal principal(User user) {
        return f.principal(user, f.startSession(user));
    }

    private Passkey registered(User user) {
        byte[] challenge = beginRegistration.beginPasskeyRegistration(principal(user)).challenge();
        return register.registerPasskey(new RegisterPasskeyCommand(principal(user),
                credential(challenge, credentialId, null, 1, null), PasskeyName.DEFAULT, ClientInfo.UNKNOWN));
    }

    private byte[] loginChallenge(String account) {
        return beginLogIn.beginPasskeyLogIn(new BeginPasskeyLogInCommand(account, ClientInfo.UNKNOWN)).challenge();
    }

    private LogInResult logIn(byte[] challenge, long count, String fail) {
        return logIn.logInWithPasskey(new PasskeyLogInCommand(credential(challenge, credentialId, null, count, fail), ClientInfo.UNKNOWN));
    }

    @Test
    void aPasskeySignInOpensAnAal2SessionAndMovesTheCounter() {
        User ada = f.addUser("ada@example.com", null);
        Passkey passkey = registered(ada);
        LogInResult result = logIn(loginChallenge(null), 2, null);
        LogInResult.LoggedIn in = assertInstanceOf(LogInResult.LoggedIn.class, result);
        assertEquals(ada.id(), in.authenticated().user().id());
        assertEquals(Assurance.of(Assurance.Level.AAL2, Assurance.Method.HWK),
                f.sessions.findWithUser(in.authenticated().tokens().sessionId()).orElseThrow().session().assurance());
        assertEquals(2, store.stored(passkey.id()).signCount());
        assertNotNull(store.stored(passkey.id()).lastUsedAt());
    }

    @Test
    void aChallengeIsSpentByAFailedAnswerToo() {
        registered(f.addUser("ada@example.com", null));
        byte[] challenge = loginChallenge(null);
        assertInstanceOf(LogInResult.Refused.class, logIn(challenge, 2, "bad signature"));
        assertInstanceOf(LogInResult.Refused.class, logIn(challenge, 2, null));
        assertTrue(store.challenges.isEmpty());
    }

    @Test
    void aCounterTheVerifierLetThroughIsStillRefusedByTheDomainRule() {
        User ada = f.addUser("ada@example.com", null);
        Passkey passkey = registered(ada);
        assertInstanceOf(LogInResult.LoggedIn.class, logIn(loginChallenge(null), 5, null));
        assertInstanceOf(LogInResult.Refused.class, logIn(loginChallenge(null), 5, null));
        assertEquals(1, f.audit.of(AuditEvent.Type.PASSKEY_COUNTER_REGRESSED).size());
        assertEquals(5, store.stored(passkey.id()).signCount());
    }

    @Test
    void aSignInByAccountIsBoundToItAndAnUnknownAccountToNobody() {
        User ada = f.addUser("ada@example.com", "ada");
        f.addUser("bob@example.com", null);
        registered(ada);
        byte[] forAda = loginChallenge("ada");
        PasskeyChallenge bound = store.challenges.get(PasskeyChallenge.hashOf(forAda));
        assertEquals(ada.id(), bound.user());
        assertInstanceOf(LogInResult.Refused.class, logIn(loginChallenge("bob@example.com"), 2, null));
        byte[] forNobody = loginChallenge("nobody@example.com");
        UserId nobody = store.challenges.get(PasskeyChallenge.hashOf(forNobody)).user();
        assertNotNull(nobody);
        assertTrue(f.users.findById(nobody).isEmpty());
        assertInstanceOf(LogInResult.Refused.class, logIn(forNobody, 3, null));
        assertInstanceOf(LogInResult.LoggedIn.class, logIn(forAda, 4, null));
        assertNull(store.challenges.get(PasskeyChallenge.hashOf(loginChallenge(null))).user());
    }

    @Test
    void aNamedCeremonyMustBeTheOneTheCredentialAnswers() {
        registered(f.addUser("ada@example.com", null));
        byte[] answered = loginChallenge(null);
        byte[] named = loginChallenge(null);
        LogInResult result = logIn.logInWithPasskey(new PasskeyLogInCommand(credential(answered, credentialId, null, 2, null), named,
                ClientInfo.UNKNOWN));
        assertInstanceOf(LogInResult.Refused.class, result);
        assertEquals(1, f.audit.of(AuditEvent.Type.LOGIN_FAILURE).size());
    }

    @Test
    void aRegistrationChallengeBelongsToTheAccountThatAskedForIt() {
        User ada = f.addUser("ada@example.com", null);
        User bob = f.addUser("bob@example.com", null);
        byte[] challenge = beginRegistration.beginPasskeyRegistration(principal(ada)).challenge();
        ValidationFailedException e = assertThrows(ValidationFailedException.class, () -> register.registerPasskey(
                new RegisterPasskeyCommand(principal(bob), credential(challenge, credentialId, null, 0, null), null, ClientInfo.UNKNOWN)));
        assertTrue(e.errors().containsKey("credential"));
        assertTrue(store.listFor(bob.id()).isEmpty());
        assertTrue(f.audit.of(AuditEvent.Type.PASSKEY_ADDED).isEmpty());
    }

    @Test
    void aDuplicateCredentialIsAFieldErrorAndAuditsNothing() {
        User ada = f.addUser("ada@example.com", null);
        registered(ada);
        byte[] challenge = beginRegistration.beginPasskeyRegistration(principal(ada)).challenge();
        assertThrows(ValidationFailedException.class, () -> register.registerPasskey(new RegisterPasskeyCommand(principal(ada),
                credential(challenge, credentialId, null, 0, null), null, ClientInfo.UNKNOWN)));
        assertEquals(1, f.audit.of(AuditEvent.Type.PASSKEY_ADDED).size());
    }
}
