package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.out.crypto.AesGcmSealer;
import dev.gatehouse.adapter.out.persistence.Sealer;
import dev.gatehouse.adapter.out.mail.LogMailSender;
import dev.gatehouse.adapter.out.mail.SmtpSettings;
import dev.gatehouse.adapter.out.mail.TemplateMailRenderer;
import dev.gatehouse.application.port.in.ConfirmPasswordResetUseCase;
import dev.gatehouse.application.port.in.DispatchMailUseCase;
import dev.gatehouse.application.port.in.RequestPasswordResetUseCase;
import dev.gatehouse.application.port.in.ResendVerificationUseCase;
import dev.gatehouse.application.port.in.VerifyEmailUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.MailOutbox;
import dev.gatehouse.application.port.out.MailRenderer;
import dev.gatehouse.application.port.out.MailSender;
import dev.gatehouse.application.port.out.OneTimeTokenRepository;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.service.AccountMail;
import dev.gatehouse.application.service.EnumerationFloor;
import dev.gatehouse.application.service.Throttle;
import dev.gatehouse.application.service.ConfirmPasswordResetService;
import dev.gatehouse.application.service.DispatchMailService;
import dev.gatehouse.application.service.RequestPasswordResetService;
import dev.gatehouse.application.service.ResendVerificationService;
import dev.gatehouse.application.service.SessionIssuer;
import dev.gatehouse.application.service.VerifyEmailService;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.application.settings.MailSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Mail: the outbox, its dispatcher, templates, and SMTP or the log as the way out. */
@Factory
public class MailFactory {

    @Context
    MailSettings mailSettings(AuthProperties p, AuthSettings auth) {
        String base = p.getLinkBaseUrl() == null || p.getLinkBaseUrl().isBlank() ? auth.issuer() + "/api/auth" : p.getLinkBaseUrl();
        try {
            return new MailSettings(base, p.getMailMaxAttempts(), p.getMailFirstRetry(), p.getMailMaxRetry(), p.getMailBatchSize(),
                    p.getMailLease(), p.getLinkVerifyPath(), p.getLinkResetPath());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("mail settings (AUTH_LINK_BASE_URL, AUTH_LINK_VERIFY_PATH, AUTH_LINK_RESET_PATH, "
                    + "AUTH_MAIL_*): " + e.getMessage(), e);
        }
    }

    @Singleton
    Sealer outboxSealer(MasterKey masterKey) {
        AesGcmSealer aes = new AesGcmSealer(masterKey.derive("mail-outbox/v1"));
        return new Sealer() {
            @Override
            public byte[] seal(byte[] plaintext, String context) {
                return aes.seal(plaintext, context);
            }

            @Override
            public byte[] open(byte[] sealed, String context) {
                return aes.open(sealed, context);
            }
        };
    }

    @Context
    MailRenderer mailRenderer(AuthProperties p) {
        Path overrides = null;
        if (p.getMailTemplatesDir() != null && !p.getMailTemplatesDir().isBlank()) {
            overrides = Path.of(p.getMailTemplatesDir());
            if (!Files.isDirectory(overrides)) {
                throw new IllegalStateException("AUTH_MAIL_TEMPLATES_DIR " + overrides + " is not a directory");
            }
        }
        return new TemplateMailRenderer(overrides);
    }

    @Singleton
    @Requires(property = "smtp.host")
    SmtpSettings smtpSettings(SmtpProperties smtp, AuthProperties p) {
        return new SmtpSettings(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword(), smtp.isStarttls(),
                p.getMailFrom(), smtp.getTimeout());
    }

    @Singleton
    @Requires(missingProperty = "smtp.host")
    MailSender logMailSender(AuthProperties p) {
        return new LogMailSender(p.isMailLogSecrets());
    }

    @Singleton
    AccountMail accountMail(OneTimeTokenRepository tokens, MailOutbox outbox, MailSettings settings) {
        return new AccountMail(tokens, outbox, settings);
    }

    @Singleton
    VerifyEmailUseCase verifyEmail(OneTimeTokenRepository tokens, UserRepository users, SessionRepository sessions,
                                   SessionIssuer issuer, Transactions transactions, Clock clock, AuditLog audit, Throttle throttle) {
        return new VerifyEmailService(tokens, users, sessions, issuer, transactions, clock, audit, throttle);
    }

    @Singleton
    ResendVerificationUseCase resendVerification(UserRepository users, AccountMail mail, Transactions transactions, Clock clock,
                                                 Throttle throttle, EnumerationFloor floor) {
        return new ResendVerificationService(users, mail, transactions, clock, throttle, floor);
    }

    @Singleton
    RequestPasswordResetUseCase requestPasswordReset(UserRepository users, AccountMail mail, Transactions transactions, Clock clock,
                                                     AuditLog audit, Throttle throttle, EnumerationFloor floor) {
        return new RequestPasswordResetService(users, mail, transactions, clock, audit, throttle, floor);
    }

    @Singleton
    ConfirmPasswordResetUseCase confirmPasswordReset(OneTimeTokenRepository tokens, UserRepository users,
                                                     SessionRepository sessions, PasswordHasher hasher, SessionIssuer issuer,
                                                     AccountMail mail, Transactions transactions, SettingsSource settings,
                                                     Clock clock, AuditLog audit, Throttle throttle) {
        return new ConfirmPasswordResetService(tokens, users, sessions, hasher, issuer, mail, transactions, settings, clock, audit,
                throttle);
    }

    @Singleton
    DispatchMailUseCase dispatchMail(MailOutbox outbox, MailRenderer renderer, MailSender sender, MailSettings settings, Clock clock) {
        return new DispatchMailService(outbox, renderer, sender, settings, clock);
    }
}
