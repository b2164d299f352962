package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.DispatchMailUseCase;
import dev.gatehouse.application.port.out.MailOutbox;
import dev.gatehouse.application.port.out.MailOutbox.PendingMail;
import dev.gatehouse.application.port.out.MailRenderer;
import dev.gatehouse.application.port.out.MailSender;
import dev.gatehouse.application.settings.MailSettings;
import dev.gatehouse.application.port.out.MailDeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains the outbox. Each claimed mail is sent outside any transaction (an SMTP exchange can take
 * seconds), then marked sent; a failure is rescheduled with exponential back-off until the
 * attempts run out, and then marked dead. Nothing is lost: a mail leaves the outbox only as sent
 * or dead, and a dispatcher that crashes mid-way loses its lease, not the mail. Delivery is at least
 * once: if the relay took a mail but marking it sent fails, it is sent again.
 */
public final class DispatchMailService implements DispatchMailUseCase {
    private final MailOutbox outbox;
    private final MailRenderer renderer;
    private final MailSender sender;
    private final MailSettings settings;
    private final Clock clock;

    public DispatchMailService(MailOutbox outbox, MailRenderer renderer, MailSender sender, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public DispatchReport dispatchDue() {
        List<PendingMail> due = outbox.claimDue(clock.instant(), settings.batchSize(), settings.lease());
        int sent = 0;
        int retried = 0;
        int dead = 0;
        List<String> problems = new ArrayList<>();
        for (PendingMail mail : due) {
            try {
                sender.send(renderer.render(mail.message()));
                outbox.markSent(mail.id(), clock.instant());
                sent++;
            } catch (RuntimeException e) {
                // A delivery failure already says what failed in one line; anything else also needs its type.
                String reason = withoutSecrets(e instanceof MailDeliveryException ? e.getMessage()
                        : e.getClass().getSimpleName() + ": " + e.getMessage(), mail);
                Instant now = clock.instant();
                if (mail.attempts() >= settings.maxAttempts()) {
                    outbox.markDead(mail.id(), now, reason);
                    dead++;
                    problems.add("mail " + mail.id() + " (" + mail.message().template() + ") is dead after "
                            + mail.attempts() + " attempts: " + reason);
                } else {
                    Duration delay = settings.retryDelay(mail.attempts());
                    outbox.scheduleRetry(mail.id(), now.plus(delay), reason);
                    retried++;
                    problems.add("mail " + mail.id() + " (" + mail.message().template() + ") attempt " + mail.attempts()
                            + " failed: " + reason + " (next try in " + humanly(delay) + ")");
                }
            }
        }
        return new DispatchReport(sent, retried, dead, problems);
    }

    /** "40 s", "16 min", "1 h": the operator reads it, nobody parses it. */
    static String humanly(Duration delay) {
        long seconds = Math.max(0, (delay.toMillis() + 999) / 1000);
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds + 59) / 60 + " min";
        }
        return (seconds + 3599) / 3600 + " h";
    }

    /** A sender's error message may quote the mail; what is stored and logged must not hold its token. */
    private static String withoutSecrets(String reason, PendingMail mail) {
        String clean = reason;
        for (String name : dev.gatehouse.domain.mail.MailMessage.SECRET_PARAMETERS) {
            String secret = mail.message().parameters().get(name);
            if (secret != null && !secret.isEmpty()) {
                clean = clean.replace(secret, "[redacted]");
            }
        }
        return clean;
    }
}
