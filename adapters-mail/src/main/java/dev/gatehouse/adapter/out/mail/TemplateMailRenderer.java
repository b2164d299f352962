package dev.gatehouse.adapter.out.mail;

import dev.gatehouse.application.port.out.MailRenderer;
import dev.gatehouse.domain.mail.MailMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders mails from a text and an HTML template per kind of mail. The built-in templates live in
 * {@code gatehouse/mail-templates/}; a directory given in configuration overrides any of them file
 * by file. A template's first line is {@code Subject: …}; {@code {{name}}} is replaced by the value,
 * HTML-escaped in HTML templates.
 */
public final class TemplateMailRenderer implements MailRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
    private static final String BUILT_IN = "gatehouse/mail-templates/";

    private final Path overrides;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** @param overrides a directory with templates that replace the built-in ones, or null */
    public TemplateMailRenderer(Path overrides) {
        this.overrides = overrides;
        for (MailMessage.Template template : MailMessage.Template.values()) {
            template(template.fileName() + ".txt"); // fail at start-up, not at the first mail
            template(template.fileName() + ".html");
        }
    }

    @Override
    public RenderedMail render(MailMessage message) {
        String text = fill(template(message.template().fileName() + ".txt"), message.parameters(), false);
        String html = fill(template(message.template().fileName() + ".html"), message.parameters(), true);
        String subject = "";
        if (text.startsWith("Subject:")) {
            int end = text.indexOf('\n');
            subject = text.substring("Subject:".length(), end < 0 ? text.length() : end).strip();
            text = end < 0 ? "" : text.substring(end + 1).stripLeading();
        }
        Set<String> secrets = new HashSet<>();
        MailMessage.SECRET_PARAMETERS.forEach(name -> {
            String value = message.parameters().get(name);
            if (value != null && !value.isEmpty()) {
                secrets.add(value);
                secrets.add(escapeHtml(value));
            }
        });
        return new RenderedMail(message.to().envelope(), subject, text, html, secrets);
    }

    private String template(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    private String load(String name) {
        try {
            if (overrides != null) {
                Path file = overrides.resolve(name);
                if (Files.isRegularFile(file)) {
                    return Files.readString(file, StandardCharsets.UTF_8);
                }
            }
            try (InputStream in = TemplateMailRenderer.class.getClassLoader().getResourceAsStream(BUILT_IN + name)) {
                if (in == null) {
                    throw new IllegalStateException("mail template " + name + " is missing");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail template " + name, e);
        }
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 128);
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
