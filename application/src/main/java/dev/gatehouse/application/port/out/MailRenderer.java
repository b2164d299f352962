package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.mail.MailMessage;
import java.util.Set;

/** Turns a mail owed into subject, text and HTML. */
public interface MailRenderer {
    /** {@code secrets} are values inside the mail (a token, a link) that must never reach a log. */
    record RenderedMail(String to, String subject, String text, String html, Set<String> secrets) {
        public RenderedMail {
            secrets = Set.copyOf(secrets);
        }

        @Override
        public String toString() {
            return "RenderedMail[to=" + to + ", subject=" + subject + "]";
        }
    }

    RenderedMail render(MailMessage message);
}
