package dev.gatehouse.application.service;

import static dev.gatehouse.application.fakes.Fixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import dev.gatehouse.application.port.in.RegisterUserUseCase.RegistrationResult;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.in.VerifyEmailUseCase.VerifyEmailCommand;
import dev.gatehouse.application.port.out.DuplicateUserException;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.mail.MailMessage.Template;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.Username;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegisterUserServiceTest {

    private static RegistrationResult register(Fixture fx, String email, String username, String password, String confirm) {
        RegisterUserService service = new RegisterUserService(fx.users, fx.hasher, fx.issuer, fx.mail, fx.transactions, fx.source, fx.clock, fx.audit, fx.throttle,
                EnumerationFloor.NONE);
        return register(service, email, username, password, confirm);
    }

    private static RegistrationResult register(RegisterUserService service, String email, String username, String password,
                                               String confirm) {
        return service.register(new RegisterUserCommand(EmailAddress.of(email),
                new Profile(username == null ? null : Username.of(username), "Ann", "Lee", null, null),
                PlainPassword.of(password), confirm == null ? null : PlainPassword.of(confirm), null, SignIn.START_SESSION));
    }

    private static Map<String, List<String>> errorsOf(Fixture fx, String email, String username, String password, String confirm) {
        return assertThrows(ValidationFailedException.class, () -> register(fx, email, username, password, confirm)).errors();
    }

    @ParameterizedTest
    @EnumSource(value = VerificationMode.class, names = {"NONE", "OPTIONAL"})
    void registersAndLogsInWhenVerificationIsNotMandatory(VerificationMode mode) {
        Fixture fx = new Fixture(mode);
        var result = assertInstanceOf(RegistrationResult.Registered.class,
                register(fx, "Ann@Example.COM", "ann", PASSWORD, PASSWORD));

        User user = fx.users.get(result.authenticated().user().id());
        assertEquals("Ann@example.com", user.email().value());
        assertEquals("$fake$" + PASSWORD, user.passwordHash().phc());
        assertEquals(Fixture.T0, user.lastLogin());
        assertFalse(user.isEmailVerified());

        var tokens = result.authenticated().tokens();
        OpaqueToken refresh = OpaqueToken.parse(tokens.refresh()).orElseThrow();
        Session session = fx.sessions.findBySessionToken(refresh.hash()).orElseThrow();
        assertEquals(user.id(), session.userId());
        assertEquals(tokens.sessionId(), session.id());
        var claims = fx.signer.verify(tokens.access()).orElseThrow();
        assertEquals(user.id().toString(), claims.subject());
        assertEquals(session.id().toString(), claims.sessionId());
        assertEquals("viewer", claims.role());
    }

    @Test
    void mandatoryVerificationRegistersWithoutLoggingIn() {
        Fixture fx = new Fixture(VerificationMode.MANDATORY);
        assertInstanceOf(RegistrationResult.PendingVerification.class, register(fx, "ann@example.com", "ann", PASSWORD, null));
        assertEquals(1, fx.users.count());
        assertEquals(0, fx.sessions.count());
    }

    @Test
    void mandatoryVerificationAnswersATakenEmailLikeAFreeOne() {
        Fixture fx = new Fixture(VerificationMode.MANDATORY);
        fx.addVerifiedUser("ann@example.com", "ann");
        assertInstanceOf(RegistrationResult.PendingVerification.class,
                register(fx, "ANN@example.com", "someone-else", PASSWORD, null));
        assertEquals(1, fx.users.count());
        assertEquals(0, fx.sessions.count());
        assertEquals(1, fx.hasher.hashCalls, "hashes even though the address is taken, so timing tells nothing");
    }

    @Test
    void optionalVerificationReportsTakenEmailAndUsernameTogether() {
        Fixture fx = new Fixture(VerificationMode.OPTIONAL);
        fx.addVerifiedUser("ann@example.com", "Ann Lee");
        Map<String, List<String>> errors = errorsOf(fx, "ANN@example.com", "ann lee", PASSWORD, null);
        assertEquals(Map.of("email", List.of(RegisterUserService.EMAIL_TAKEN),
                "username", List.of(RegisterUserService.USERNAME_TAKEN)), errors);
        assertEquals(1, fx.users.count());
        assertEquals(0, fx.sessions.count());
    }

    @Test
    void reportsEveryPasswordPolicyViolationWithoutHashing() {
        Fixture fx = new Fixture();
        Map<String, List<String>> errors = errorsOf(fx, "ann@example.com", "ann", "12345", null);
        assertEquals(Set.of("password"), errors.keySet());
        assertEquals(List.of("This password is too short. It must contain at least 8 characters.",
                "This password is entirely numeric."), errors.get("password"));
        assertEquals(Map.of("password", List.of("The password is too similar to the username.")),
                errorsOf(fx, "ann@example.com", "annlee99", "AnnLee99", null));
        assertEquals(0, fx.hasher.hashCalls);
        assertEquals(0, fx.users.count());
    }

    @Test
    void comparesThePasswordWithTheNamesBeingRegistered() {
        Fixture fx = new Fixture();
        RegisterUserService service = new RegisterUserService(fx.users, fx.hasher, fx.issuer, fx.mail, fx.transactions, fx.source, fx.clock, fx.audit,
                fx.throttle, EnumerationFloor.NONE);
        var e = assertThrows(ValidationFailedException.class, () -> service.register(new RegisterUserCommand(
                EmailAddress.of("bart@example.com"), new Profile(null, "Bartholomew", "Simpson-Smith", null, null),
                PlainPassword.of("Smith-Simpson"), null, null, SignIn.START_SESSION)));
        assertEquals(Map.of("password", List.of("The password is too similar to the last name.")), e.errors());
        assertEquals(0, fx.hasher.hashCalls);
    }

    @Test
    void rejectsAMismatchedConfirmation() {
        Fixture fx = new Fixture();
        Map<String, List<String>> errors = errorsOf(fx, "ann@example.com", "ann", PASSWORD, PASSWORD + "!");
        assertEquals(Map.of("confirm_password", List.of(Passwords.MISMATCH)), errors);
        assertEquals(0, fx.users.count());
    }

    /** The verification token the mail carries, checked against the store: hashed, for this user and purpose. */
    private static OneTimeToken verificationTokenOf(Fixture fx, User user) {
        MailMessage mail = fx.outbox.enqueued(Template.VERIFY_EMAIL).getFirst();
        assertEquals(user.email(), mail.to());
        OneTimeToken stored = fx.oneTimeTokens.find(TokenHash.of(mail.parameters().get("token"))).orElseThrow();
        assertEquals(user.id(), stored.userId());
        assertEquals(OneTimeToken.Purpose.VERIFY_EMAIL, stored.purpose());
        return stored;
    }

    @Test
    void withoutVerificationNoMailIsOwed() {
        Fixture fx = new Fixture(VerificationMode.NONE);
        assertInstanceOf(RegistrationResult.Registered.class, register(fx, "ann@example.com", "ann", PASSWORD, null));
        assertEquals(List.of(), fx.outbox.enqueued());
        assertEquals(0, fx.oneTimeTokens.count());
    }

    @Test
    void optionalVerificationLogsInAndMailsAVerificationLink() {
        Fixture fx = new Fixture(VerificationMode.OPTIONAL);
        var result = assertInstanceOf(RegistrationResult.Registered.class,
                register(fx, "ann@example.com", "ann", PASSWORD, null));

        User user = fx.users.get(result.authenticated().user().id());
        assertEquals(1, fx.outbox.enqueued().size());
        verificationTokenOf(fx, user);
        assertEquals(1, fx.oneTimeTokens.count());
        assertTrue(fx.signer.verify(result.authenticated().tokens().access()).isPresent());
        assertEquals(1, fx.sessions.count());
    }

    @Test
    void mandatoryVerificationMailsAVerificationLinkToTheNewUser() {
        Fixture fx = new Fixture(VerificationMode.MANDATORY);
        assertInstanceOf(RegistrationResult.PendingVerification.class, register(fx, "ann@example.com", "ann", PASSWORD, null));

        User user = fx.users.findByEmail(EmailAddress.of("ann@example.com")).orElseThrow();
        assertFalse(user.isEmailVerified());
        assertEquals(1, fx.outbox.enqueued().size());
        assertEquals(Fixture.T0.plus(OneTimeToken.Purpose.VERIFY_EMAIL.lifetime()), verificationTokenOf(fx, user).expiresAt());
    }

    @Test
    void mandatoryVerificationTellsTheOwnerOfATakenAddressAndNobodyElse() {
        Fixture fx = new Fixture(VerificationMode.MANDATORY);
        User owner = fx.addVerifiedUser("ann@example.com", "ann");

        assertInstanceOf(RegistrationResult.PendingVerification.class,
                register(fx, "ANN@example.com", "intruder", PASSWORD, null));

        assertEquals(1, fx.users.count());
        assertTrue(fx.users.findByUsername(Username.of("intruder")).isEmpty());
        assertEquals(0, fx.sessions.count());
        assertEquals(0, fx.oneTimeTokens.count(), "no link: the caller does not own the address");
        MailMessage notice = fx.outbox.enqueued().getFirst();
        assertEquals(1, fx.outbox.enqueued().size());
        assertEquals(Template.ALREADY_REGISTERED, notice.template());
        assertEquals(owner.email(), notice.to(), "to the stored address, not the one typed");
        MailMessage.SECRET_PARAMETERS.forEach(secret -> assertFalse(notice.parameters().containsKey(secret)));
    }

    @Test
    void aRefusedRegistrationOwesNoMail() {
        Fixture fx = new Fixture(VerificationMode.OPTIONAL);
        fx.addVerifiedUser("ann@example.com", "ann");
        errorsOf(fx, "ann@example.com", "someone", PASSWORD, null);
        errorsOf(fx, "bob@example.com", "ann", PASSWORD, null);

        assertEquals(List.of(), fx.outbox.enqueued());
        assertEquals(0, fx.oneTimeTokens.count());
        assertEquals(1, fx.users.count());
    }

    @Test
    void aRegistrationThatFailsAfterItsMailWasQueuedLeavesNeitherMailNorTokenBehind() {
        Fixture fx = new Fixture(VerificationMode.OPTIONAL);
        IllegalStateException down = new IllegalStateException("session store down");
        SessionRepository broken = (SessionRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SessionRepository.class}, (proxy, method, args) -> {
                    throw down;
                });
        RegisterUserService service = new RegisterUserService(fx.users, fx.hasher, new SessionIssuer(broken, fx.signer, fx.source),
                fx.mail, fx.transactions, fx.source, fx.clock, fx.audit, fx.throttle,
                EnumerationFloor.NONE);

        assertSame(down, assertThrows(IllegalStateException.class, () -> register(service, "ann@example.com", "ann", PASSWORD, null)));

        assertEquals(1, fx.transactions.rolledBack);
        assertEquals(0, fx.users.count());
        assertEquals(List.of(), fx.outbox.enqueued());
        assertEquals(0, fx.oneTimeTokens.count());
    }

    @Test
    void mandatoryVerificationAnswersARacedDuplicateLikeAFreeAddressAndKeepsNothing() {
        Fixture fx = new Fixture(VerificationMode.MANDATORY);
        // The other registration commits between our look-up and our insert.
        UserRepository racing = (UserRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {UserRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insert")) {
                        throw new DuplicateUserException(DuplicateUserException.Field.EMAIL);
                    }
                    try {
                        return method.invoke(fx.users, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        RegisterUserService service = new RegisterUserService(racing, fx.hasher, fx.issuer, fx.mail, fx.transactions,
                fx.source, fx.clock, fx.audit, fx.throttle, EnumerationFloor.NONE);

        assertInstanceOf(RegistrationResult.PendingVerification.class, register(service, "ann@example.com", "ann", PASSWORD, null));
        assertEquals(0, fx.users.count());
        assertEquals(List.of(), fx.outbox.enqueued());
        assertEquals(0, fx.oneTimeTokens.count());
    }

    // Pre-account-hijacking defence.

    @ParameterizedTest
    @EnumSource(value = VerificationMode.class, names = {"OPTIONAL", "MANDATORY"})
    void registeringAnUnverifiedAddressReplacesThatAccountAndVoidsItsSessionsAndLinks(VerificationMode mode) {
        Fixture fx = new Fixture(mode);
        User squatter = fx.addUser("ann@example.com", "squatter");
        var squatterTokens = fx.startSession(squatter);
        fx.mail.verificationLink(squatter, fx.clock.instant());
        String squattersLink = fx.lastToken(dev.gatehouse.domain.mail.MailMessage.Template.VERIFY_EMAIL);
        fx.clock.advance(java.time.Duration.ofMinutes(5));

        RegistrationResult result = register(fx, "ANN@example.com", "ann", "the owner's own passphrase", null);

        assertEquals(1, fx.users.count());
        User owner = fx.users.findByEmail(EmailAddress.of("ann@example.com")).orElseThrow();
        assertNotEquals(squatter.id(), owner.id(), "a new account, not the squatter's");
        assertEquals("$fake$the owner's own passphrase", owner.passwordHash().phc());
        assertEquals("ann", owner.username().value());
        assertEquals(fx.clock.instant(), owner.dateJoined());
        assertTrue(fx.users.findByUsername(Username.of("squatter")).isEmpty());
        assertTrue(fx.sessions.findWithUser(squatterTokens.sessionId()).isEmpty(), "the squatter's session is gone");
        var link = fx.oneTimeTokens.find(dev.gatehouse.domain.token.TokenHash.of(squattersLink));
        assertTrue(link.isEmpty() || !link.get().isUsable(dev.gatehouse.domain.token.OneTimeToken.Purpose.VERIFY_EMAIL, owner,
                fx.clock.instant()), "the squatter's link is void");
        if (mode == VerificationMode.MANDATORY) {
            assertInstanceOf(RegistrationResult.PendingVerification.class, result, "answered like a fresh registration");
            assertTrue(fx.sessions.findActiveOf(owner.id(), fx.clock.instant()).isEmpty());
        } else {
            var registered = assertInstanceOf(RegistrationResult.Registered.class, result, "answered like a fresh registration");
            assertEquals(owner.id(), registered.authenticated().user().id(), "the new registrant gets the tokens");
        }
        assertEquals(1, fx.audit.of(dev.gatehouse.domain.audit.AuditEvent.Type.ACCOUNT_DELETED).size());
    }

    @ParameterizedTest
    @EnumSource(VerificationMode.class)
    void aVerifiedAccountIsNeverReplaced(VerificationMode mode) {
        Fixture fx = new Fixture(mode);
        User ann = fx.addVerifiedUser("ann@example.com", "ann");
        if (mode == VerificationMode.MANDATORY) {
            assertInstanceOf(RegistrationResult.PendingVerification.class, register(fx, "ann@example.com", "bob", PASSWORD, null));
        } else {
            assertThrows(ValidationFailedException.class, () -> register(fx, "ann@example.com", "bob", PASSWORD, null));
        }
        assertEquals(ann.passwordHash().phc(), fx.users.get(ann.id()).passwordHash().phc());
        assertEquals(1, fx.users.count());
    }

    @Test
    void withoutVerificationAnAccountIsNeverReplacedSinceNoAddressCanBeProved() {
        Fixture fx = new Fixture(VerificationMode.NONE);
        User ann = fx.addUser("ann@example.com", "ann");
        var annsSession = fx.startSession(ann);
        assertThrows(ValidationFailedException.class, () -> register(fx, "ann@example.com", "mallory", PASSWORD, null));
        assertEquals(ann.id(), fx.users.findByEmail(EmailAddress.of("ann@example.com")).orElseThrow().id());
        assertEquals(ann.passwordHash().phc(), fx.users.get(ann.id()).passwordHash().phc());
        assertTrue(fx.sessions.findWithUser(annsSession.sessionId()).isPresent(), "ann's session survives");
        assertEquals(0, fx.audit.of(dev.gatehouse.domain.audit.AuditEvent.Type.ACCOUNT_DELETED).size());
    }

    @Test
    void anUnverifiedAdministratorIsNotReplaced() {
        Fixture fx = new Fixture(VerificationMode.OPTIONAL);
        User admin = fx.addUser("root@example.com", null);
        admin.assignRole(dev.gatehouse.domain.user.Role.ADMIN);
        fx.users.update(admin);
        assertThrows(ValidationFailedException.class, () -> register(fx, "root@example.com", null, PASSWORD, null));
        assertEquals(admin.id(), fx.users.findByEmail(EmailAddress.of("root@example.com")).orElseThrow().id());
    }

    @Test
    void aFailedReplacementChangesNothing() {
        Fixture fx = new Fixture(VerificationMode.OPTIONAL);
        User squatter = fx.addUser("ann@example.com", "squatter");
        fx.addVerifiedUser("bob@example.com", "bob");
        assertThrows(ValidationFailedException.class, () -> register(fx, "ann@example.com", "bob", PASSWORD, null));
        assertEquals(squatter.id(), fx.users.findByEmail(EmailAddress.of("ann@example.com")).orElseThrow().id(),
                "the transaction rolled back: the username was taken, so nothing was replaced");
    }

    @Test
    void withoutSignInTheAccountIsCreatedAndNoSessionIsOpened() {
        Fixture fx = new Fixture(VerificationMode.OPTIONAL);
        RegisterUserService service = new RegisterUserService(fx.users, fx.hasher, fx.issuer, fx.mail, fx.transactions, fx.source,
                fx.clock, fx.audit, fx.throttle, EnumerationFloor.NONE);
        RegistrationResult result = service.register(new RegisterUserCommand(EmailAddress.of("ann@example.com"), null,
                PlainPassword.of(Fixture.PASSWORD), null, null, SignIn.NO_SESSION));

        RegistrationResult.Registered registered = assertInstanceOf(RegistrationResult.Registered.class, result);
        assertTrue(registered.tokens().isEmpty());
        assertEquals(0, fx.sessions.count(), "no session nobody will hold");
        assertNull(fx.users.get(registered.user().id()).lastLogin(), "and no login recorded");
        assertEquals(1, fx.outbox.enqueued(dev.gatehouse.domain.mail.MailMessage.Template.VERIFY_EMAIL).size());
    }

    @Test
    void registrationsAreCountedPerClientBeforeAnyWork() {
        Fixture fx = new Fixture();
        RegisterUserService service = new RegisterUserService(fx.users, fx.hasher, fx.issuer, fx.mail, fx.transactions, fx.source,
                fx.clock, fx.audit, fx.throttle, EnumerationFloor.NONE);
        dev.gatehouse.domain.session.ClientInfo client = new dev.gatehouse.domain.session.ClientInfo("test", "198.51.100.7");
        int limit = dev.gatehouse.application.settings.RateLimits.DEFAULT.registrationsPerClientPerHour();
        for (int i = 0; i < limit; i++) {
            service.register(new RegisterUserCommand(EmailAddress.of("u" + i + "@example.com"), null,
                    PlainPassword.of(Fixture.PASSWORD), null, client, SignIn.NO_SESSION));
        }
        assertThrows(dev.gatehouse.application.error.RateLimitedException.class, () -> service.register(new RegisterUserCommand(
                EmailAddress.of("one.more@example.com"), null, PlainPassword.of(Fixture.PASSWORD), null, client, SignIn.START_SESSION)));
        assertTrue(fx.users.findByEmail(EmailAddress.of("one.more@example.com")).isEmpty(), "a refused registration creates nothing");
        service.register(new RegisterUserCommand(EmailAddress.of("elsewhere@example.com"), null,
                PlainPassword.of(Fixture.PASSWORD), null, new dev.gatehouse.domain.session.ClientInfo("test", "198.51.100.8"),
                SignIn.NO_SESSION));
    }
}
