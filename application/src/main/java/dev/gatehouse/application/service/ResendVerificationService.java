package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ResendVerificationUseCase;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Clock;
import java.time.Instant;

public final class ResendVerificationService implements ResendVerificationUseCase {
    private final UserRepository users;
    private final AccountMail mail;
    private final Transactions transactions;
    private final Clock clock;
    private final Throttle throttle;
    private final EnumerationFloor floor;

    public ResendVerificationService(UserRepository users, AccountMail mail, Transactions transactions, Clock clock,
                                     Throttle throttle, EnumerationFloor floor) {
        this.throttle = throttle;
        this.floor = floor;
        this.users = users;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void resendVerification(EmailAddress email, ClientInfo client) {
        floor.around(() -> {
            throttle.admit(Throttle.Action.MAIL_REQUEST, client, email);
            Instant now = clock.instant();
            transactions.run(() -> users.findByEmail(email)
                    .filter(user -> user.isActive() && !user.isEmailVerified())
                    .ifPresent(user -> mail.verificationLink(user, now)));
        });
    }
}
