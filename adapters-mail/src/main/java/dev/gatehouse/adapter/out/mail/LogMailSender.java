package dev.gatehouse.adapter.out.mail;

import dev.gatehouse.application.port.out.MailRenderer.RenderedMail;
import dev.gatehouse.application.port.out.MailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With no SMTP host configured, mail goes to the log so the service runs anywhere. Tokens and
 * links are redacted unless the development flag AUTH_MAIL_LOG_SECRETS ({@code auth.mail-log-secrets}) is on.
 */
public final class LogMailSender implements MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(LogMailSender.class);
    private final boolean showSecrets;

    public LogMailSender(boolean showSecrets) {
        this.showSecrets = showSecrets;
        // Name the switch here: a developer reading "[redacted]" in a mail needs to know how to see the link.
        LOG.warn("No SMTP host configured (SMTP_HOST): mail is written to this log instead of being sent{}",
                showSecrets ? ", WITH its links and tokens (AUTH_MAIL_LOG_SECRETS=true: development only)"
                        : "; links and tokens show as [redacted] (set AUTH_MAIL_LOG_SECRETS=true to see them, development only)");
    }

    @Override
    public void send(RenderedMail mail) {
        LOG.info("Mail to {}: {}\n{}", mail.to(), mail.subject(), body(mail, showSecrets));
    }

    /** The text part as it may be logged. */
    static String body(RenderedMail mail, boolean showSecrets) {
        String text = mail.text();
        if (!showSecrets) {
            String redacted = text;
            // Longest first, so a link is redacted whole rather than just the token inside it.
            for (String secret : mail.secrets().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
                redacted = redacted.replace(secret, "[redacted]");
            }
            if (!redacted.equals(text)) {
                // Said with every such mail, not only at start-up: the start-up warning is long scrolled away.
                redacted += (redacted.endsWith("\n") ? "" : "\n") + REDACTED_HINT;
            }
            text = redacted;
        }
        return text;
    }

    static final String REDACTED_HINT = "(links and tokens [redacted]: start with AUTH_MAIL_LOG_SECRETS=true to see them, development only)";
}
