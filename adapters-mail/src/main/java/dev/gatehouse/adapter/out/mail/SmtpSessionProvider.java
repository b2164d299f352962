package dev.gatehouse.adapter.out.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * The mail session for micronaut-email-javamail, built from our own settings. Its default provider
 * uses the JVM-wide {@code Session.getDefaultInstance}, which keeps the first configuration forever
 * and refuses a second authenticated user in the same JVM.
 */
@Singleton
@Requires(property = "smtp.host")
public final class SmtpSessionProvider implements SessionProvider {
    private final Session session;

    public SmtpSessionProvider(SmtpSettings smtp) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", smtp.host());
        p.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        String millis = Long.toString(smtp.timeout().toMillis());
        p.setProperty("mail.smtp.connectiontimeout", millis);
        p.setProperty("mail.smtp.timeout", millis);
        p.setProperty("mail.smtp.writetimeout", millis);
        if (smtp.startTls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        Authenticator authenticator = null;
        if (smtp.username() != null && !smtp.username().isBlank()) {
            p.setProperty("mail.smtp.auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(smtp.username(),
                    smtp.password() == null ? "" : smtp.password());
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        this.session = Session.getInstance(p, authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
