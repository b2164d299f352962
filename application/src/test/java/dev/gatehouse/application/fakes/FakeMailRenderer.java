package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.MailRenderer;
import dev.gatehouse.domain.mail.MailMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders without templates: the subject is the template's file name, the text lists the
 * parameters in name order, and the secret parameters' values are reported as secrets. A template
 * in {@link #broken} fails to render, as a template with a mistake in it would.
 */
public final class FakeMailRenderer implements MailRenderer {
    public final List<MailMessage> rendered = new ArrayList<>();
    public final Set<MailMessage.Template> broken = new HashSet<>();

    @Override
    public RenderedMail render(MailMessage message) {
        if (broken.contains(message.template())) {
            throw new IllegalStateException("template " + message.template().fileName() + " is broken");
        }
        rendered.add(message);
        StringBuilder text = new StringBuilder();
        new TreeMap<>(message.parameters()).forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        Set<String> secrets = new HashSet<>();
        MailMessage.SECRET_PARAMETERS.forEach(name -> {
            String value = message.parameters().get(name);
            if (value != null) {
                secrets.add(value);
            }
        });
        return new RenderedMail(message.to().value(), message.template().fileName(), text.toString(),
                "<pre>" + text + "</pre>", secrets);
    }
}
