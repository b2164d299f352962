package dev.gatehouse.application.service;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.port.in.Redeemed;
import dev.gatehouse.application.port.in.LogInUseCase;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.in.ConfirmPasswordResetUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.OneTimeTokenRepository;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class ConfirmPasswordResetService implements ConfirmPasswordResetUseCase {
    private final AuditLog audit;
    private final OneTimeTokenRepository tokens;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final SessionIssuer issuer;
    private final AccountMail mail;
    private final Transactions transactions;
    private final SettingsSource settings;
    private final Clock clock;
    private final Throttle throttle;
    private final SecondFactors secondFactors;

    public ConfirmPasswordResetService(OneTimeTokenRepository tokens, UserRepository users, SessionRepository sessions,
                                       PasswordHasher hasher, SessionIssuer issuer, AccountMail mail,
                                       Transactions transactions, SettingsSource settings, Clock clock, AuditLog audit,
                                       Throttle throttle, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.audit = audit;
        this.tokens = tokens;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.issuer = issuer;
        this.mail = mail;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    private record Reset(User user, SessionIssuer.StartedSession started, LogInUseCase.LogInResult.MfaRequired pending) {
    }

    @Override
    public Redeemed confirmPasswordReset(ConfirmPasswordResetCommand command) {
        throttle.admit(Throttle.Action.TOKEN_GUESS, command.client(), null);
        if (command.expectedUser() != null && users.findById(command.expectedUser()).isEmpty()) {
            // Django looks up the link's user before its token: no such user is an error of its own.
            throw new NotFoundException("User");
        }
        OpaqueToken presented = OpaqueToken.parse(command.token()).orElseThrow(TokenNotValidException::new);
        Instant now = clock.instant();
        // A first look, without a lock, so that a bad token costs no hashing and the policy can
        // compare the password with the account's own email and username.
        User owner = tokens.find(presented.hash())
                .flatMap(token -> users.findById(token.userId())
                        .filter(user -> token.isUsable(OneTimeToken.Purpose.PASSWORD_RESET, user, now)))
                .orElseThrow(TokenNotValidException::new);
        if (command.expectedUser() != null && !command.expectedUser().equals(owner.id())) {
            // The link's two halves do not belong together: the token is not this user's.
            throw new TokenNotValidException();
        }

        FieldErrors errors = new FieldErrors();
        if (command.confirmPassword() != null && !Passwords.same(command.newPassword(), command.confirmPassword())) {
            errors.add("confirm_password", Passwords.MISMATCH);
        }
        var personal = Passwords.personalValues(owner.email(), owner.profile());
        errors.addAll("new_password", settings.current().passwordPolicy().violations(command.newPassword(), personal));
        errors.throwIfAny();
        PasswordHash hash = hasher.hash(command.newPassword());

        Reset reset = transactions.inTransaction(() -> {
            OneTimeToken stored = tokens.lock(presented.hash()).orElseThrow(TokenNotValidException::new);
            User user = users.findById(stored.userId()).orElseThrow(TokenNotValidException::new);
            if (!stored.isUsable(OneTimeToken.Purpose.PASSWORD_RESET, user, now)) {
                throw new TokenNotValidException(); // spent by a racing request since the first look
            }
            if (!user.isActive()) {
                throw new AccountDisabledException();
            }
            tokens.markUsed(stored.use(now));
            user.changePassword(hash, now);
            // The link arrived in this mailbox: that proves the address as well as a verification link would.
            user.confirmEmail();
            // With MFA on, the link stands for the password only: the session waits for a code.
            boolean secondFactor = command.signIn() == SignIn.START_SESSION && secondFactors.isOn(user.id());
            boolean signIn = command.signIn() == SignIn.START_SESSION && !secondFactor;
            if (signIn) {
                user.recordLogin(now);
            }
            users.update(user);
            tokens.discardUnused(user.id(), OneTimeToken.Purpose.PASSWORD_RESET);
            sessions.revokeAllOf(user.id(), null, now, Session.RevokeReason.PASSWORD_RESET);
            mail.notice(user, MailMessage.Template.PASSWORD_CHANGED, now);
            audit.record(AuditEvent.of(now, AuditEvent.Type.PASSWORD_RESET, user.id(), null, command.client().ip(),
                    "all sessions revoked"));
            return new Reset(user, signIn ? issuer.start(user, command.client(), now) : null,
                    secondFactor ? secondFactors.challenge(user, now) : null);
        });
        return new Redeemed(reset.user(), Optional.ofNullable(reset.started())
                .map(started -> issuer.tokens(reset.user(), started, now)), Optional.ofNullable(reset.pending()));
    }
}
