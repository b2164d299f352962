package dev.gatehouse.domain.mail;

import dev.gatehouse.domain.user.EmailAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A mail the service owes someone, before it is rendered: which template, to whom, with what
 * values. Values named in {@link #SECRET_PARAMETERS} carry a bearer secret (a link with a token)
 * and are never written to a log.
 */
public record MailMessage(Template template, EmailAddress to, Map<String, String> parameters) {
    public static final Set<String> SECRET_PARAMETERS = Set.of("link", "token");

    public enum Template {
        VERIFY_EMAIL("verify-email"),
        PASSWORD_RESET("password-reset"),
        ALREADY_REGISTERED("already-registered"),
        PASSWORD_CHANGED("password-changed"),
        REFRESH_TOKEN_REUSED("refresh-token-reused"),
        EMAIL_CHANGE("email-change"),
        EMAIL_CHANGE_REQUESTED("email-change-requested");

        private final String fileName;

        Template(String fileName) {
            this.fileName = fileName;
        }

        /** The base name of the template files ({@code verify-email.txt}, {@code verify-email.html}). */
        public String fileName() {
            return fileName;
        }
    }

    public MailMessage {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(to, "to");
        parameters = Map.copyOf(parameters);
    }

    @Override
    public String toString() {
        return "MailMessage[" + template + " to " + to + "]";
    }
}
