package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.SocialLoginException;
import dev.gatehouse.application.error.SocialLoginException.Reason;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.fakes.InMemoryIdentities;
import dev.gatehouse.application.fakes.RollbackTransactions;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.ProviderCredential;
import dev.gatehouse.application.port.in.SignInWithProviderUseCase.SignInWithProviderCommand;
import dev.gatehouse.application.port.out.IdentityProviderException;
import dev.gatehouse.application.port.out.IdentityProviders;
import dev.gatehouse.application.port.out.ProviderIdentity;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.Assurance;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The linking rules, with fakes of the out-ports: which account an outside identity opens, and what it never does. */
class SocialSignInServiceTest {
    private final Fixture fx = new Fixture();
    private final InMemoryIdentities identities = new InMemoryIdentities();
    /** id_token value → what the provider says about its holder; "down" and "garbage" misbehave. */
    private final Map<String, ProviderIdentity> tokens = new HashMap<>();
    private final IdentityProviders providers = new IdentityProviders() {
        @Override
        public List<String> ids() {
            return List.of("acme");
        }

        @Override
        public String authorizationUrl(String provider, String state, String nonce, String codeChallenge) {
            return "https://acme.example/authorize?state=" + state;
        }

        @Override
        public ProviderIdentity redeemCode(String provider, String code, String codeVerifier, String expectedNonce) {
            return verifyIdToken(provider, code, expectedNonce);
        }

        @Override
        public ProviderIdentity verifyIdToken(String provider, String idToken, String expectedNonce) {
            return switch (idToken) {
                case "down" -> throw new IdentityProviderException(IdentityProviderException.Kind.UNAVAILABLE, "timed out");
                case "garbage" -> throw new IdentityProviderException(IdentityProviderException.Kind.ERROR, "not json");
                default -> {
                    ProviderIdentity known = tokens.get(idToken);
                    if (known == null) {
                        throw new IdentityProviderException(IdentityProviderException.Kind.REJECTED, "bad signature");
                    }
                    yield known;
                }
            };
        }
    };
    private final RollbackTransactions transactions = new RollbackTransactions(fx.users, fx.sessions, fx.audit, identities);
    private final SocialAccounts accounts = new SocialAccounts(fx.users, identities, providers, fx.issuer, fx.audit, fx.source,
            fx.secondFactors);
    private final SignInWithProviderService signIn = new SignInWithProviderService(accounts, transactions, fx.throttle, fx.clock);
    private final dev.gatehouse.application.fakes.InMemoryPasskeys passkeys = new dev.gatehouse.application.fakes.InMemoryPasskeys();
    private final DisconnectIdentityService disconnect = new DisconnectIdentityService(identities, passkeys, fx.users, transactions,
            fx.audit, fx.clock);

    private String token(String subject, String email, boolean verified) {
        String token = "tok-" + tokens.size();
        tokens.put(token, new ProviderIdentity(subject, email, verified, "Grace", "Hopper"));
        return token;
    }

    private AuthenticatedUser signInWith(String token) {
        return org.junit.jupiter.api.Assertions.assertInstanceOf(dev.gatehouse.application.port.in.SocialSignInResult.SignedIn.class,
                signInResult(token)).authenticated();
    }

    private dev.gatehouse.application.port.in.SocialSignInResult signInResult(String token) {
        return signIn.signIn(new SignInWithProviderCommand("acme", new ProviderCredential.IdToken(token, null), ClientInfo.UNKNOWN));
    }

    private static Reason reason(Runnable work) {
        return assertThrows(SocialLoginException.class, work::run).reason();
    }

    @Test
    void aNewPersonGetsAVerifiedAccountWithoutAPasswordAndAFederatedSession() {
        AuthenticatedUser in = signInWith(token("s-1", "grace@example.com", true));
        User user = fx.users.get(in.user().id());
        assertTrue(user.isEmailVerified());
        assertFalse(user.passwordHash().isUsable(), "no password until one is set by reset");
        assertFalse(fx.hasher.verify(user.passwordHash(), PlainPassword.of(Fixture.PASSWORD)));
        assertEquals("Grace", user.profile().firstName());
        assertEquals(Assurance.of(Assurance.Level.AAL1, Assurance.Method.FED), fx.sessions.get(in.tokens().sessionId()).assurance());
        assertEquals(1, identities.ofUser(user.id()).size());
        assertEquals(1, fx.audit.of(AuditEvent.Type.REGISTRATION).size());
        assertEquals(1, fx.audit.of(AuditEvent.Type.SOCIAL_LOGIN_SUCCESS).size());
    }

    @Test
    void theSameSubjectOpensTheSameAccountWhateverAddressTheProviderNowGives() {
        User first = signInWith(token("s-2", "one@example.com", true)).user();
        User again = signInWith(token("s-2", "two@example.com", false)).user();
        assertEquals(first.id(), again.id());
        assertEquals(EmailAddress.of("two@example.com"), identities.ofUser(first.id()).getFirst().email(), "shown as last seen");
        assertEquals(1, fx.users.count());
    }

    @Test
    void anExistingAccountIsJoinedOnlyWhenItsAddressIsProvedOnBothSides() {
        User unproved = fx.addUser("ann@example.com", null);
        assertEquals(Reason.ACCOUNT_EXISTS, reason(() -> signInWith(token("s-3", "ANN@example.com", true))));
        assertTrue(identities.all().isEmpty(), "nothing linked");
        assertEquals(1, fx.users.count(), "nothing created");

        User proved = fx.addVerifiedUser("bob@example.com", null);
        assertEquals(Reason.EMAIL_UNVERIFIED, reason(() -> signInWith(token("s-4", "bob@example.com", false))));
        assertEquals(proved.id(), signInWith(token("s-5", "bob@example.com", true)).user().id());
        assertEquals(unproved.id(), fx.users.findByEmail(EmailAddress.of("ann@example.com")).orElseThrow().id());
    }

    @Test
    void noAccountIsMadeForAnAddressTheProviderDoesNotVouchFor() {
        assertEquals(Reason.EMAIL_UNVERIFIED, reason(() -> signInWith(token("s-6", "carol@example.com", false))));
        assertEquals(Reason.EMAIL_UNVERIFIED, reason(() -> signInWith(token("s-7", null, true))));
        assertEquals(0, fx.users.count());
    }

    @Test
    void providerFailuresAreStableRefusalsAndAudited() {
        assertEquals(Reason.PROVIDER_UNAVAILABLE, reason(() -> signInWith("down")));
        assertEquals(Reason.PROVIDER_ERROR, reason(() -> signInWith("garbage")));
        assertEquals(Reason.PROVIDER_TOKEN_INVALID, reason(() -> signInWith("forged")));
        assertEquals(Reason.UNKNOWN_PROVIDER, reason(() -> signIn.signIn(new SignInWithProviderCommand("nobody",
                new ProviderCredential.IdToken("x", null), ClientInfo.UNKNOWN))));
        assertEquals(3, fx.audit.of(AuditEvent.Type.SOCIAL_LOGIN_FAILURE).size());
    }

    @Test
    void signInsFromOneAddressAreLimitedPerMinuteLikePasswordLogins() {
        ClientInfo from = new ClientInfo("test", "203.0.113.7");
        String token = token("s-12", "hal@example.com", true);
        int limit = fx.settings.rateLimits().loginPerAddressPerMinute();
        for (int i = 0; i < limit; i++) {
            signIn.signIn(new SignInWithProviderCommand("acme", new ProviderCredential.IdToken(token, null), from));
        }
        assertThrows(dev.gatehouse.application.error.RateLimitedException.class,
                () -> signIn.signIn(new SignInWithProviderCommand("acme", new ProviderCredential.IdToken(token, null), from)));
        assertEquals(1, fx.audit.of(AuditEvent.Type.RATE_LIMITED).size());
        fx.clock.advance(java.time.Duration.ofMinutes(1));
        signIn.signIn(new SignInWithProviderCommand("acme", new ProviderCredential.IdToken(token, null), from));
    }

    @Test
    void aDisabledAccountStaysShut() {
        User user = signInWith(token("s-8", "dan@example.com", true)).user();
        fx.deactivate(fx.users.get(user.id()));
        assertThrows(AccountDisabledException.class, () -> signInWith(token("s-8", "dan@example.com", true)));
    }

    @Test
    void aLinkThatLosesARaceLeavesNoAccountBehind() {
        identities.raceNextInsert = true;
        assertEquals(Reason.IDENTITY_TAKEN, reason(() -> signInWith(token("s-9", "eve@example.com", true))));
        assertEquals(0, fx.users.count(), "the account made for it went with the transaction");
    }

    @Test
    void anAccountWithAnAuthenticatorAppGetsThePendingLoginNotASession() {
        AuthenticatedUser first = signInWith(token("s-20", "hal@example.com", true));
        var user = first.user().id();
        fx.secondFactorStore.savePending(dev.gatehouse.domain.mfa.TotpEnrolment.pending(user,
                dev.gatehouse.domain.mfa.TotpSecret.generate(new java.security.SecureRandom()), null, fx.clock.instant()));
        fx.secondFactorStore.update(fx.secondFactorStore.findTotp(user).orElseThrow().used(1, fx.clock.instant()));
        int sessions = fx.sessions.count();

        var pending = org.junit.jupiter.api.Assertions.assertInstanceOf(
                dev.gatehouse.application.port.in.SocialSignInResult.MfaRequired.class, signInResult(token("s-20", "hal@example.com", true)));
        assertEquals(java.util.List.of("totp", "recovery_code"), pending.pending().methods());
        assertEquals(sessions, fx.sessions.count(), "no session opened");
        assertEquals(1, fx.secondFactorStore.challenges.size());
        assertEquals(dev.gatehouse.domain.session.Assurance.Method.FED,
                fx.secondFactorStore.challenges.values().iterator().next().firstFactor(), "the code step will say [fed, otp]");
    }

    @Test
    void anIdentityIsConnectedOnlyFromARecentSignIn() {
        User user = fx.addVerifiedUser("ivy@example.com", null);
        var caller = fx.principal(user, fx.startSession(user));
        fx.clock.advance(java.time.Duration.ofMinutes(16));
        assertThrows(dev.gatehouse.application.error.RecentLoginRequiredException.class, () ->
                new ConnectIdentityService(accounts, null, new RecentLogin(fx.sessions, fx.mfaSettings), transactions, fx.throttle, fx.clock)
                        .connect(new dev.gatehouse.application.port.in.ConnectIdentityUseCase.ConnectIdentityCommand(caller, "acme",
                                new ProviderCredential.IdToken(token("s-30", "ivy2@example.com", true), null), ClientInfo.UNKNOWN)));
        assertTrue(identities.ofUser(user.id()).isEmpty(), "nothing linked");
    }

    @Test
    void whatAProviderSaysIsBoundedWhereItEnters() {
        var huge = new dev.gatehouse.application.port.out.ProviderIdentity("s-40", "a".repeat(300) + "@example.com", true,
                "G".repeat(151), "Hopper");
        var bounded = SocialAccounts.bounded(huge);
        assertEquals(null, bounded.email());
        assertEquals(false, bounded.emailVerified(), "no address, nothing vouched for");
        assertEquals(null, bounded.givenName());
        assertEquals("Hopper", bounded.familyName());
        var ordinary = new dev.gatehouse.application.port.out.ProviderIdentity("s-41", "grace@example.com", true, "Grace", "Hopper");
        assertEquals(ordinary, SocialAccounts.bounded(ordinary), "ordinary values pass unchanged");
    }

    @Test
    void theLastWayInCannotBeDisconnected() {
        AuthenticatedUser in = signInWith(token("s-10", "fay@example.com", true));
        var principal = fx.principal(in.user(), in.tokens());
        var only = identities.ofUser(in.user().id()).getFirst();
        assertEquals(Reason.LAST_LOGIN_METHOD, reason(() -> disconnect.disconnect(principal, only.id())));
        assertThrows(NotFoundException.class, () -> disconnect.disconnect(principal, java.util.UUID.randomUUID()));

        User withPassword = fx.addVerifiedUser("gus@example.com", null);
        var gus = fx.principal(withPassword, fx.startSession(withPassword));
        new ConnectIdentityService(accounts, null,
                new RecentLogin(fx.sessions, fx.mfaSettings), transactions, fx.throttle, fx.clock).connect(
                new dev.gatehouse.application.port.in.ConnectIdentityUseCase.ConnectIdentityCommand(gus, "acme",
                        new ProviderCredential.IdToken(token("s-11", "other@example.com", true), null), ClientInfo.UNKNOWN));
        var linked = identities.ofUser(withPassword.id()).getFirst();
        assertEquals(Reason.IDENTITY_TAKEN, reason(() -> new ConnectIdentityService(accounts, null,
                new RecentLogin(fx.sessions, fx.mfaSettings), transactions, fx.throttle, fx.clock)
                .connect(new dev.gatehouse.application.port.in.ConnectIdentityUseCase.ConnectIdentityCommand(principal, "acme",
                        new ProviderCredential.IdToken(token("s-11", "x@example.com", true), null), ClientInfo.UNKNOWN))));
        disconnect.disconnect(gus, linked.id());
        assertTrue(identities.ofUser(withPassword.id()).isEmpty());
        assertEquals(1, fx.audit.of(AuditEvent.Type.IDENTITY_UNLINKED).size());

        // A passkey is a way in too: with one, the last identity of a passwordless account may go.
        passkeys.insert(dev.gatehouse.domain.passkey.Passkey.register(dev.gatehouse.domain.passkey.PasskeyId.newId(fx.clock.instant()),
                in.user().id(), new byte[] {1, 2, 3}, new byte[] {4}, java.util.List.of(), false, false, true, 0,
                dev.gatehouse.domain.passkey.PasskeyName.DEFAULT, fx.clock.instant()));
        disconnect.disconnect(principal, only.id());
        assertTrue(identities.ofUser(in.user().id()).isEmpty());
    }
}
