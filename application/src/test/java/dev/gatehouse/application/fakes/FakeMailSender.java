package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.MailDeliveryException;
import dev.gatehouse.application.port.out.MailRenderer.RenderedMail;
import dev.gatehouse.application.port.out.MailSender;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records what it delivered. Mail to an address in {@link #unreachable} fails with a
 * {@link MailDeliveryException}, as a relay that refuses it would; {@link #attempts} counts every
 * try, delivered or not.
 */
public final class FakeMailSender implements MailSender {
    public static final String FAILURE = "relay said 451 try again later";

    public final List<RenderedMail> delivered = new ArrayList<>();
    public final Set<String> unreachable = new HashSet<>();
    public int attempts;

    @Override
    public void send(RenderedMail mail) {
        attempts++;
        if (unreachable.contains(mail.to())) {
            throw new MailDeliveryException(FAILURE, null);
        }
        delivered.add(mail);
    }

    public List<String> deliveredTo() {
        return delivered.stream().map(RenderedMail::to).toList();
    }
}
