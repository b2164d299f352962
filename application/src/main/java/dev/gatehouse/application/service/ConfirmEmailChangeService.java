package dev.gatehouse.application.service;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.EmailTakenException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.port.in.ConfirmEmailChangeUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.DuplicateUserException;
import dev.gatehouse.application.port.out.OneTimeTokenRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;

public final class ConfirmEmailChangeService implements ConfirmEmailChangeUseCase {
    private final OneTimeTokenRepository tokens;
    private final UserRepository users;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final Throttle throttle;

    public ConfirmEmailChangeService(OneTimeTokenRepository tokens, UserRepository users, AuditLog audit,
                                     Transactions transactions, Clock clock, Throttle throttle) {
        this.throttle = throttle;
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public User confirmEmailChange(String token, ClientInfo client) {
        throttle.admit(Throttle.Action.TOKEN_GUESS, client, null);
        OpaqueToken presented = OpaqueToken.parse(token).orElseThrow(TokenNotValidException::new);
        Instant now = clock.instant();
        try {
            return transactions.inTransaction(() -> {
                OneTimeToken stored = tokens.lock(presented.hash()).orElseThrow(TokenNotValidException::new);
                User user = users.findById(stored.userId()).orElseThrow(TokenNotValidException::new);
                // Bound to the password in force when it was issued, like every mailed link.
                if (!stored.isUsable(OneTimeToken.Purpose.CHANGE_EMAIL, user, now)) {
                    throw new TokenNotValidException();
                }
                if (!user.isActive()) {
                    throw new AccountDisabledException();
                }
                if (users.findByEmail(stored.newEmail()).filter(other -> !other.id().equals(user.id())).isPresent()) {
                    throw new EmailTakenException();
                }
                tokens.markUsed(stored.use(now));
                user.changeEmail(stored.newEmail());
                users.update(user);
                // Links mailed to the old address must not outlive the move (a reset link there would
                // otherwise still open the account).
                tokens.discardUnused(user.id(), OneTimeToken.Purpose.PASSWORD_RESET);
                tokens.discardUnused(user.id(), OneTimeToken.Purpose.VERIFY_EMAIL);
                audit.record(AuditEvent.of(now, AuditEvent.Type.EMAIL_CHANGED, user.id(), null, client.ip(), null));
                return user;
            });
        } catch (DuplicateUserException raced) {
            // Someone registered the address between our look-up and the update.
            throw new EmailTakenException();
        }
    }
}
