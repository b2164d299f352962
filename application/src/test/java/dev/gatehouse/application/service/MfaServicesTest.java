package dev.gatehouse.application.service;

import static dev.gatehouse.application.fakes.Fixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.error.InvalidCredentialsException;
import dev.gatehouse.application.error.MfaStateException;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.error.RecentLoginRequiredException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.ConfirmTotpUseCase.ConfirmTotpCommand;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.LogInUseCase.LogInCommand;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.application.port.in.ConfirmPasswordResetUseCase.ConfirmPasswordResetCommand;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.Redeemed;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.application.port.in.SetUpTotpUseCase.TotpSetup;
import dev.gatehouse.application.port.in.VerifyMfaUseCase.VerifyMfaCommand;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.Assurance;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MFA use cases on fakes: what each refuses and what each leaves behind. */
class MfaServicesTest {
    private final Fixture fx = new Fixture();
    private final SetUpTotpService setUp = new SetUpTotpService(fx.secondFactorStore, fx.sessions, text -> "<svg/>", fx.transactions, fx.mfaSettings, fx.clock);
    private final ConfirmTotpService confirm = new ConfirmTotpService(fx.secondFactors, fx.secondFactorStore, fx.sessions,
            fx.transactions, fx.audit, fx.clock);
    private final LogInService logIn = new LogInService(fx.users, fx.hasher, fx.issuer, fx.transactions, fx.limiter, fx.audit,
            fx.source, fx.clock, fx.secondFactors);
    private final VerifyMfaService verify = new VerifyMfaService(fx.secondFactorStore, fx.users, fx.secondFactors, fx.issuer,
            fx.throttle, fx.transactions, fx.audit, fx.clock);
    private final User user = fx.addUser("ann@example.com", "ann");

    /** The base32 secret back to bytes, as an authenticator app reads it. */
    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    private String codeNow(TotpSetup setup) {
        return Totp.code(base32(setup.secret()), Totp.step(fx.clock.instant()), 6);
    }

    private Principal principal(IssuedTokens tokens) {
        return fx.principal(user, tokens);
    }

    private List<String> enable(TotpSetup setup, Principal caller) {
        List<String> codes = confirm.confirm(new ConfirmTotpCommand(caller, codeNow(setup), null));
        fx.clock.advance(Duration.ofSeconds(30)); // the next code is another step's
        return codes;
    }

    private LogInResult.MfaRequired pendingLogin() {
        return assertInstanceOf(LogInResult.MfaRequired.class,
                logIn.logIn(new LogInCommand("ann@example.com", PlainPassword.of(PASSWORD), null)));
    }

    @Test
    void theSecretIsTheOneInTheUriAndTheAppsCodeConfirmsIt() {
        Principal caller = principal(fx.startSession(user));
        TotpSetup setup = setUp.setUp(caller);
        assertEquals(32, setup.secret().length());
        assertTrue(setup.otpauthUri().startsWith("otpauth://totp/Gatehouse:ann%40example.com?secret=" + setup.secret() + "&issuer=Gatehouse"),
                setup.otpauthUri());
        assertFalse(fx.secondFactors.isOn(user.id()), "pending until confirmed");

        ValidationFailedException wrong = assertThrows(ValidationFailedException.class,
                () -> confirm.confirm(new ConfirmTotpCommand(caller, "000000".equals(codeNow(setup)) ? "111111" : "000000", null)));
        assertEquals(List.of("code"), List.copyOf(wrong.errors().keySet()));

        List<String> codes = enable(setup, caller);
        assertEquals(10, codes.size());
        assertEquals(10, codes.stream().distinct().count());
        assertTrue(fx.secondFactors.isOn(user.id()));
        assertEquals(1, fx.audit.of(AuditEvent.Type.MFA_ENABLED).size());
        assertThrows(MfaStateException.class, () -> setUp.setUp(caller), "a second app only after turning the first off");
    }

    @Test
    void enablingRevokesTheOtherSessionsAndKeepsThisOne() {
        IssuedTokens other = fx.startSession(user);
        IssuedTokens mine = fx.startSession(user);
        enable(setUp.setUp(principal(mine)), principal(mine));
        assertTrue(fx.sessions.get(other.sessionId()).revokedAt() != null);
        assertEquals(null, fx.sessions.get(mine.sessionId()).revokedAt());
    }

    @Test
    void aCorrectPasswordOpensNoSessionAndTheCodeOpensAnAal2One() {
        TotpSetup setup = setUp.setUp(principal(fx.startSession(user)));
        enable(setup, principal(fx.startSession(user)));
        int sessionsBefore = fx.sessions.count();

        LogInResult.MfaRequired pending = pendingLogin();
        assertEquals(List.of("totp", "recovery_code"), pending.methods());
        assertEquals(sessionsBefore, fx.sessions.count(), "no session before the second factor");

        AuthenticatedUser in = verify.verify(new VerifyMfaCommand(pending.mfaToken(), codeNow(setup), null));
        assertEquals(Assurance.of(Assurance.Level.AAL2, Assurance.Method.PWD, Assurance.Method.OTP),
                fx.sessions.get(in.tokens().sessionId()).assurance());
        assertThrows(TokenNotValidException.class, () -> verify.verify(new VerifyMfaCommand(pending.mfaToken(), codeNow(setup), null)),
                "the mfa_token works once");
    }

    @Test
    void aCodeIsAcceptedOnceEvenWithAFreshMfaToken() {
        TotpSetup setup = setUp.setUp(principal(fx.startSession(user)));
        enable(setup, principal(fx.startSession(user)));
        String code = codeNow(setup);
        verify.verify(new VerifyMfaCommand(pendingLogin().mfaToken(), code, null));
        assertThrows(InvalidCredentialsException.class, () -> verify.verify(new VerifyMfaCommand(pendingLogin().mfaToken(), code, null)));
    }

    @Test
    void theFifthWrongCodeKillsTheMfaToken() {
        TotpSetup setup = setUp.setUp(principal(fx.startSession(user)));
        enable(setup, principal(fx.startSession(user)));
        String token = pendingLogin().mfaToken();
        String wrong = "000000".equals(codeNow(setup)) ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThrows(InvalidCredentialsException.class, () -> verify.verify(new VerifyMfaCommand(token, wrong, null)));
        }
        assertThrows(InvalidCredentialsException.class, () -> verify.verify(new VerifyMfaCommand(token, wrong, null)));
        assertThrows(TokenNotValidException.class, () -> verify.verify(new VerifyMfaCommand(token, codeNow(setup), null)),
                "dead, even with the right code");
        assertEquals(5, fx.audit.of(AuditEvent.Type.MFA_VERIFY_FAILURE).size());
    }

    @Test
    void codeGuessesCountAgainstTheAccountsLockoutAcrossMfaTokens() {
        TotpSetup setup = setUp.setUp(principal(fx.startSession(user)));
        enable(setup, principal(fx.startSession(user)));
        String wrong = "000000".equals(codeNow(setup)) ? "111111" : "000000";
        int max = fx.settings.rateLimits().loginMaxFailures();
        RateLimitedException locked = null;
        for (int i = 0; i <= max && locked == null; i++) {
            String token = pendingLogin().mfaToken();
            try {
                verify.verify(new VerifyMfaCommand(token, wrong, null));
            } catch (InvalidCredentialsException expected) {
                // the next guess, on a fresh mfa_token
            } catch (RateLimitedException e) {
                locked = e;
            }
        }
        assertInstanceOf(RateLimitedException.class, locked, "locked after " + max + " wrong codes");
    }

    @Test
    void aRecoveryCodeWorksOnceAndExpiredMfaTokensDoNot() {
        TotpSetup setup = setUp.setUp(principal(fx.startSession(user)));
        List<String> codes = enable(setup, principal(fx.startSession(user)));
        verify.verify(new VerifyMfaCommand(pendingLogin().mfaToken(), codes.get(3).toUpperCase(), null));
        assertThrows(InvalidCredentialsException.class, () -> verify.verify(new VerifyMfaCommand(pendingLogin().mfaToken(), codes.get(3), null)));

        String token = pendingLogin().mfaToken();
        fx.clock.advance(Duration.ofMinutes(5));
        assertThrows(TokenNotValidException.class, () -> verify.verify(new VerifyMfaCommand(token, codes.get(4), null)));
    }

    @Test
    void aMailedLinkIsNotASecondFactorItOpensAPendingLoginInstead() {
        TotpSetup setup = setUp.setUp(principal(fx.startSession(user)));
        enable(setup, principal(fx.startSession(user)));
        ConfirmPasswordResetService reset = new ConfirmPasswordResetService(fx.oneTimeTokens, fx.users, fx.sessions, fx.hasher,
                fx.issuer, fx.mail, fx.transactions, fx.source, fx.clock, fx.audit, fx.throttle, fx.secondFactors);
        fx.mail.passwordResetLink(fx.users.get(user.id()), fx.clock.instant());
        int sessionsBefore = fx.sessions.count();

        Redeemed redeemed = reset.confirmPasswordReset(new ConfirmPasswordResetCommand(fx.lastToken(MailMessage.Template.PASSWORD_RESET),
                PlainPassword.of("a brand new passphrase"), null, ClientInfo.UNKNOWN, SignIn.START_SESSION));
        assertTrue(redeemed.tokens().isEmpty(), "no session from the link alone");
        assertEquals(sessionsBefore, fx.sessions.count());
        AuthenticatedUser in = verify.verify(new VerifyMfaCommand(redeemed.mfaRequired().orElseThrow().mfaToken(), codeNow(setup), null));
        assertEquals(Assurance.Level.AAL2, fx.sessions.get(in.tokens().sessionId()).assurance().level());
    }

    @Test
    void anOldSessionCannotStartASetUp() {
        IssuedTokens old = fx.startSession(user);
        fx.clock.advance(fx.mfaSettings.recentLogin().plusSeconds(1));
        assertThrows(RecentLoginRequiredException.class, () -> setUp.setUp(principal(old)));
        assertTrue(fx.secondFactorStore.findTotp(user.id()).isEmpty(), "nothing stored");
    }
}
