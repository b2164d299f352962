package dev.gatehouse.adapter.out.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.MailRenderer.RenderedMail;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.user.EmailAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateMailRendererTest {
    private static MailMessage message(MailMessage.Template template) {
        return new MailMessage(template, EmailAddress.of("ada@example.com"), Map.of("name", "Ada <script>", "email", "ada@example.com",
                "link", "https://app.example/verify-email?token=abc&x=1", "token", "abc", "valid_for", "24 hours", "time", "now"));
    }

    @Test
    void everyTemplateRendersWithSubjectTextAndHtml() {
        TemplateMailRenderer renderer = new TemplateMailRenderer(null);
        for (MailMessage.Template template : MailMessage.Template.values()) {
            RenderedMail mail = renderer.render(message(template));
            assertFalse(mail.subject().isBlank(), template + " has a subject");
            assertFalse(mail.text().startsWith("Subject:"), "the subject line is not part of the body");
            assertFalse(mail.text().contains("{{"), template + " text has no unfilled placeholder");
            assertFalse(mail.html().contains("{{"), template + " html has no unfilled placeholder");
            assertTrue(mail.html().contains("<html"), template + " html");
            assertEquals("ada@example.com", mail.to());
        }
    }

    @Test
    void valuesAreEscapedInHtmlOnlyAndSecretsAreNamed() {
        RenderedMail mail = new TemplateMailRenderer(null).render(message(MailMessage.Template.VERIFY_EMAIL));
        assertTrue(mail.text().contains("Hello Ada <script>,"), mail.text());
        assertTrue(mail.html().contains("Ada &lt;script&gt;"), mail.html());
        assertFalse(mail.html().contains("<script>"));
        assertTrue(mail.text().contains("https://app.example/verify-email?token=abc&x=1"));
        assertTrue(mail.html().contains("href=\"https://app.example/verify-email?token=abc&amp;x=1\""), mail.html());
        assertTrue(mail.secrets().contains("https://app.example/verify-email?token=abc&x=1"));
        assertTrue(mail.secrets().contains("abc"));
    }

    @Test
    void aDirectoryOverridesTemplatesFileByFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("password-reset.txt"), "Subject: Custom reset\n\nGo to {{link}} now.\n");
        TemplateMailRenderer renderer = new TemplateMailRenderer(dir);
        RenderedMail reset = renderer.render(message(MailMessage.Template.PASSWORD_RESET));
        assertEquals("Custom reset", reset.subject());
        assertEquals("Go to https://app.example/verify-email?token=abc&x=1 now.\n", reset.text());
        assertTrue(reset.html().contains("Choose a new password"), "the HTML part still comes from the built-in template");
        assertEquals("Confirm your email address", renderer.render(message(MailMessage.Template.VERIFY_EMAIL)).subject());
    }

    @Test
    void theLogSenderRedactsTokensAndLinksUnlessTheDevelopmentFlagIsOn() {
        RenderedMail mail = new TemplateMailRenderer(null).render(message(MailMessage.Template.VERIFY_EMAIL));
        String logged = LogMailSender.body(mail, false);
        assertFalse(logged.contains("token=abc"), logged);
        assertTrue(logged.contains("[redacted]"));
        assertTrue(logged.contains("Hello Ada"), "the rest of the mail is readable");
        assertTrue(LogMailSender.body(mail, true).contains("https://app.example/verify-email?token=abc&x=1"));
    }

    @Test
    void aRedactedMailSaysHowToSeeItsLinks() {
        RenderedMail mail = new TemplateMailRenderer(null).render(message(MailMessage.Template.PASSWORD_RESET));
        String logged = LogMailSender.body(mail, false);
        assertTrue(logged.endsWith("start with AUTH_MAIL_LOG_SECRETS=true to see them, development only)"), logged);
        assertFalse(LogMailSender.body(mail, true).contains("AUTH_MAIL_LOG_SECRETS"), "no hint when nothing is hidden");
        RenderedMail noSecrets = new RenderedMail("ada@example.com", "Hello", "No link here.\n", "<p>No link here.</p>", java.util.Set.of());
        assertEquals("No link here.\n", LogMailSender.body(noSecrets, false), "no hint when nothing was redacted");
    }
}
