package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.out.crypto.AesGcmSealer;
import dev.gatehouse.adapter.out.persistence.Sealer;
import dev.gatehouse.adapter.out.mail.LogMailSender;
import dev.gatehouse.adapter.out.mail.SmtpSettings;
import dev.gatehouse.adapter.out.mail.TemplateMailRenderer;
import dev.gatehouse.application.port.out.MailRenderer;
import dev.gatehouse.application.port.out.MailSender;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.application.settings.MailSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;

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

}
