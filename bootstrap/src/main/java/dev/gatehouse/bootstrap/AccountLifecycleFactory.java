package dev.gatehouse.bootstrap;

import dev.gatehouse.application.port.in.ChangeEmailUseCase;
import dev.gatehouse.application.port.in.ConfirmEmailChangeUseCase;
import dev.gatehouse.application.port.in.DeleteAccountUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.OneTimeTokenRepository;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.RateLimiter;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.service.AccountMail;
import dev.gatehouse.application.service.ChangeEmailService;
import dev.gatehouse.application.service.Throttle;
import dev.gatehouse.application.service.ConfirmEmailChangeService;
import dev.gatehouse.application.service.DeleteAccountService;
import dev.gatehouse.application.service.PasswordConfirmation;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The account lifecycle: deletion (erasure) and email change. */
@Factory
public class AccountLifecycleFactory {

    @Singleton
    PasswordConfirmation passwordConfirmation(PasswordHasher hasher, RateLimiter limiter, AuditLog audit, SettingsSource settings,
                                              Clock clock) {
        return new PasswordConfirmation(hasher, limiter, audit, settings, clock);
    }

    @Singleton
    DeleteAccountUseCase deleteAccount(UserRepository users, SessionRepository sessions, PasswordConfirmation passwords,
                                       AuditLog audit, Transactions transactions, Clock clock) {
        return new DeleteAccountService(users, sessions, passwords, audit, transactions, clock);
    }

    @Singleton
    ChangeEmailUseCase changeEmail(UserRepository users, PasswordConfirmation passwords, AccountMail mail, AuditLog audit,
                                   Transactions transactions, Clock clock, Throttle throttle) {
        return new ChangeEmailService(users, passwords, mail, audit, transactions, clock, throttle);
    }

    @Singleton
    ConfirmEmailChangeUseCase confirmEmailChange(OneTimeTokenRepository tokens, UserRepository users, AuditLog audit,
                                                 Transactions transactions, Clock clock, Throttle throttle) {
        return new ConfirmEmailChangeService(tokens, users, audit, transactions, clock, throttle);
    }
}
