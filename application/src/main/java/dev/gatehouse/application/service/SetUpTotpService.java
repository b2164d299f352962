package dev.gatehouse.application.service;

import dev.gatehouse.application.error.MfaStateException;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.SetUpTotpUseCase;
import dev.gatehouse.application.port.out.QrCodeRenderer;
import dev.gatehouse.application.port.out.SecondFactorRepository;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.settings.MfaSettings;
import dev.gatehouse.domain.mfa.TotpEnrolment;
import dev.gatehouse.domain.mfa.TotpSecret;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

public final class SetUpTotpService implements SetUpTotpUseCase {
    private final SecondFactorRepository store;
    private final RecentLogin recentLogin;
    private final QrCodeRenderer qr;
    private final Transactions transactions;
    private final MfaSettings mfa;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SetUpTotpService(SecondFactorRepository store, SessionRepository sessions, QrCodeRenderer qr, Transactions transactions,
                            MfaSettings mfa, Clock clock) {
        this.store = store;
        this.recentLogin = new RecentLogin(sessions, mfa);
        this.qr = qr;
        this.transactions = transactions;
        this.mfa = mfa;
        this.clock = clock;
    }

    @Override
    public TotpSetup setUp(Principal caller) {
        User user = caller.user();
        Instant now = clock.instant();
        // A stolen access token of an old session must not be enough to tie the account to another phone.
        recentLogin.require(caller, now);
        TotpSecret secret = TotpSecret.generate(random);
        OpaqueToken activation = OpaqueToken.generate(random);
        transactions.run(() -> {
            if (store.lockTotp(user.id()).filter(TotpEnrolment::isActive).isPresent()) {
                // A second app would silently replace the first; turning MFA off first is a deliberate act.
                throw MfaStateException.alreadyEnabled();
            }
            store.savePending(TotpEnrolment.pending(user.id(), secret, activation.hash(), now));
        });
        String uri = otpauthUri(mfa.issuerName(), user.email().value(), secret.base32());
        return new TotpSetup(secret.base32(), uri, qr.svg(uri), activation.value());
    }

    /** The Key Uri Format that Google Authenticator defined and every app reads. */
    static String otpauthUri(String issuer, String account, String base32Secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    /** RFC 3986 percent-encoding: everything but the unreserved characters. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
