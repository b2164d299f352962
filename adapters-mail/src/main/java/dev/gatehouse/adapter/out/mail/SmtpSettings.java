package dev.gatehouse.adapter.out.mail;

import java.time.Duration;
import java.util.Objects;

/** The SMTP relay, from SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_STARTTLS and AUTH_MAIL_FROM. */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls, String from,
                           Duration timeout) {
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP_PORT must be between 1 and 65535, was " + port);
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", user=" + (username == null ? "-" : username) + ", starttls=" + startTls
                + ", from=" + from + "]";
    }
}
