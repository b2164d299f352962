package dev.gatehouse.application.port.out;

/** Hands a rendered mail to a relay (or, with none configured, to the log). */
public interface MailSender {
    /** @throws MailDeliveryException when the relay cannot take it now; the outbox will retry */
    void send(MailRenderer.RenderedMail mail);
}
