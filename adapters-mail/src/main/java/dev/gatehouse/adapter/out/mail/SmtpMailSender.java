package dev.gatehouse.adapter.out.mail;

import dev.gatehouse.application.port.out.MailDeliveryException;
import dev.gatehouse.application.port.out.MailRenderer.RenderedMail;
import dev.gatehouse.application.port.out.MailSender;
import io.micronaut.context.annotation.Requires;
import io.micronaut.email.Email;
import io.micronaut.email.MultipartBody;
import io.micronaut.email.javamail.sender.JavaxEmailComposer;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;

/**
 * Sends over SMTP through micronaut-email-javamail: one multipart (text and HTML) message per mail.
 *
 * <p>The message is composed by micronaut-email and handed to JavaMail's {@link Transport} here, not through
 * its {@code JavaxEmailSender}: that one logs every failure with a full stack trace at ERROR before it
 * rethrows, once per retry of every mail while the relay is down. The failure is the outbox's to report,
 * in one line per attempt.
 */
@Singleton
@Requires(property = "smtp.host")
public final class SmtpMailSender implements MailSender {
    private final JavaxEmailComposer composer;
    private final SmtpSettings smtp;

    public SmtpMailSender(JavaxEmailComposer composer, SmtpSettings smtp) {
        this.composer = composer;
        this.smtp = smtp;
    }

    @Override
    public void send(RenderedMail mail) {
        // Angus Mail without mail.mime.allowutf8 writes only the low byte of each character into
        // RCPT TO, so a non-ASCII recipient would be delivered to someone else. EmailAddress keeps
        // every envelope ASCII; this is the last line, failing visibly rather than mangling.
        if (!mail.to().chars().allMatch(ch -> ch > 0x20 && ch < 0x7f) || mail.to().indexOf('<') >= 0 || mail.to().indexOf('>') >= 0) {
            throw new MailDeliveryException("SMTP delivery refused: the recipient is not a plain ASCII mailbox", null);
        }
        try {
            Email email = Email.builder().from(smtp.from()).to(mail.to()).subject(mail.subject())
                    .body(new MultipartBody(mail.html(), mail.text())).build();
            Transport.send(composer.compose(email));
        } catch (MessagingException | RuntimeException e) {
            // The cause names host and port, never the message: safe to keep for the outbox's last_error.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new MailDeliveryException("SMTP delivery to " + smtp.host() + ":" + smtp.port() + " failed: "
                    + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage()), e);
        }
    }
}
