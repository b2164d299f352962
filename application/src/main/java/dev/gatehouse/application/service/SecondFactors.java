package dev.gatehouse.application.service;

import dev.gatehouse.domain.session.Assurance;
import dev.gatehouse.application.error.RateLimitedException;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.MfaChallengeRepository;
import dev.gatehouse.application.port.out.RateLimiter;
import dev.gatehouse.application.port.out.SecondFactorRepository;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.settings.MfaSettings;
import dev.gatehouse.application.settings.RateLimits;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mfa.MfaChallenge;
import dev.gatehouse.domain.mfa.RecoveryCode;
import dev.gatehouse.domain.mfa.TotpEnrolment;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The second factor, as every MFA use case and the login need it: whether a user has one, the pending
 * login it opens, checking a code (an app's code once per time step, a recovery code once), and the
 * per-account limit on code guesses.
 */
public final class SecondFactors {
    public enum Factor { TOTP, RECOVERY_CODE }

    /** What a pending login accepts, in the words the API uses. */
    public static final List<String> METHODS = List.of("totp", "recovery_code");

    private final SecondFactorRepository store;
    private final MfaChallengeRepository challenges;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final SettingsSource settings;
    private final MfaSettings mfa;
    private final SecureRandom random = new SecureRandom();

    public SecondFactors(SecondFactorRepository store, MfaChallengeRepository challenges, RateLimiter limiter, AuditLog audit,
                         SettingsSource settings, MfaSettings mfa) {
        this.store = store;
        this.challenges = challenges;
        this.limiter = limiter;
        this.audit = audit;
        this.settings = settings;
        this.mfa = mfa;
    }

    public boolean isOn(UserId user) {
        return store.findTotp(user).map(TotpEnrolment::isActive).orElse(false);
    }

    /** Opens the pending login after a correct password; call inside the login's transaction. */
    public LogInResult.MfaRequired challenge(User user, Instant now) {
        return challenge(user, now, Assurance.Method.PWD);
    }

    /** Opens the pending login after {@code firstFactor} (a password, or a provider's word); call inside a transaction. */
    public LogInResult.MfaRequired challenge(User user, Instant now, Assurance.Method firstFactor) {
        OpaqueToken token = OpaqueToken.generate(random);
        MfaChallenge challenge = MfaChallenge.open(token.hash(), user, now, mfa.challengeTtl(), firstFactor);
        challenges.insert(challenge, now);
        return new LogInResult.MfaRequired(token.value(), METHODS, challenge.expiresAt());
    }

    /**
     * Checks a code of the user's active second factor and spends it: an app's code (its time step
     * becomes the last used) or an unused recovery code. Call inside a transaction: the enrolment is
     * locked, so two requests never both accept one code.
     */
    public Optional<Factor> check(UserId user, String code, Instant now) {
        String presented = code.strip();
        if (Totp.looksLikeCode(presented)) {
            Optional<TotpEnrolment> enrolment = store.lockTotp(user).filter(TotpEnrolment::isActive);
            if (enrolment.isEmpty()) {
                return Optional.empty();
            }
            OptionalLong step = Totp.accept(enrolment.get().secret().bytes(), presented, now, enrolment.get().lastUsedStep());
            if (step.isEmpty()) {
                return Optional.empty();
            }
            store.update(enrolment.get().used(step.getAsLong(), now));
            return Optional.of(Factor.TOTP);
        }
        Optional<String> recovery = RecoveryCode.normalise(presented);
        if (recovery.isPresent() && isOn(user) && store.spendRecoveryCode(user, TokenHash.of(recovery.get()), now)) {
            return Optional.of(Factor.RECOVERY_CODE);
        }
        return Optional.empty();
    }

    /** Ten fresh recovery codes in place of the old ones; call inside a transaction. The codes are shown once. */
    public List<String> newRecoveryCodes(UserId user, Instant now) {
        List<String> codes = new ArrayList<>(RecoveryCode.COUNT);
        List<TokenHash> hashes = new ArrayList<>(RecoveryCode.COUNT);
        for (int i = 0; i < RecoveryCode.COUNT; i++) {
            String code = RecoveryCode.generate(random);
            codes.add(code);
            hashes.add(RecoveryCode.hash(code));
        }
        store.replaceRecoveryCodes(user, hashes, now);
        return codes;
    }

    /**
     * Counts one code guess for the account, with the limits of password guesses (login_max_failures
     * per lockout window), before the code is checked: however many mfa_tokens or requests they are
     * spread over. A counter of its own ({@code mfa:user:<id>}): a correct password resets the password
     * counter, and must not give whoever knows it a fresh round of code guesses. Call outside a
     * transaction, so the count stays when the request fails.
     *
     * @throws RateLimitedException when the account is locked
     */
    public void admitGuess(User user, String ip, Instant now) {
        RateLimits limits = settings.current().rateLimits();
        RateLimiter.Count attempts = limiter.hit(key(user), limits.lockout(), now);
        if (attempts.hits() > limits.loginMaxFailures()) {
            if (attempts.hits() == limits.loginMaxFailures() + 1) {
                audit.record(AuditEvent.of(now, AuditEvent.Type.LOCKOUT, user.id(), null, ip, "account locked (second factor)"));
            }
            throw new RateLimitedException(Duration.between(now, attempts.windowEnds()));
        }
    }

    /** A right code clears the account's count, as a right password does. */
    public void guessSucceeded(User user) {
        limiter.reset(key(user));
    }

    private static String key(User user) {
        return "mfa:user:" + user.id();
    }

    /** Records a wrong code; outside the refused request's transaction, so it is kept. */
    public void recordFailure(User user, String ip, Instant now, String detail) {
        audit.record(AuditEvent.of(now, AuditEvent.Type.MFA_VERIFY_FAILURE, user.id(), null, ip, detail));
    }
}
