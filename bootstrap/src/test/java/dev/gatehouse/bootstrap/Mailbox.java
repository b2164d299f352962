package dev.gatehouse.bootstrap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a fixed free port, so it can be stopped and started again. */
final class Mailbox implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    record Mail(String to, String subject, String text, String html) {
        String token() {
            Matcher m = TOKEN.matcher(text);
            if (!m.find()) {
                throw new AssertionError("no token link in: " + text);
            }
            return m.group(1);
        }
    }

    private final int port;
    private GreenMail greenMail;

    Mailbox() {
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    int port() {
        return port;
    }

    Map<String, String> smtpProperties() {
        return Map.of("smtp.host", "127.0.0.1", "smtp.port", Integer.toString(port), "smtp.starttls", "false",
                "smtp.timeout", "2s", "auth.mail-poll-interval", "100ms", "auth.mail-first-retry", "300ms",
                "auth.mail-max-retry", "1s", "auth.mail-from", "gatehouse@example.test");
    }

    void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    void stop() {
        greenMail.stop();
    }

    /** Every SMTP envelope recipient (RCPT TO) seen so far: GreenMail makes one user per recipient it delivers to. */
    java.util.Set<String> envelopeRecipients() {
        java.util.Set<String> recipients = new java.util.HashSet<>();
        greenMail.getUserManager().listUser().forEach(user -> recipients.add(user.getEmail()));
        return recipients;
    }

    /** Every mail received so far for {@code to}. */
    List<Mail> to(String to) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                Address[] recipients = message.getRecipients(Message.RecipientType.TO);
                if (recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(to))) {
                    mails.add(read(message));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    int total() {
        return greenMail.getReceivedMessages().length;
    }

    /** Waits until {@code to} has received {@code count} mails, and returns the last. */
    Mail await(String to, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<Mail> mails = to(to);
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            sleep(50);
        }
        throw new AssertionError("expected " + count + " mail(s) to " + to + ", got " + to(to).size());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Mail read(MimeMessage message) throws MessagingException, IOException {
        String text = "";
        String html = "";
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = GreenMailUtil.getBody(part);
                } else if (part.isMimeType("text/html")) {
                    html = GreenMailUtil.getBody(part);
                }
            }
        } else {
            text = GreenMailUtil.getBody(message);
        }
        text = decodeQuotedPrintable(text);
        return new Mail(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(), text, html);
    }

    /** Soft line breaks and =3D escapes from quoted-printable bodies, enough to read links back. */
    private static String decodeQuotedPrintable(String body) {
        return body.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
