package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.adapter.out.mail.LogMailSender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a developer reads first when starting the service as shipped: no SMTP host, no master key. */
class StartupWarningsTest {

    @Test
    void withoutSmtpTheWarningNamesTheSwitchThatShowsTheLinks() {
        String hidden = warningsOf(LogMailSender.class, () -> new LogMailSender(false)).getFirst();
        assertTrue(hidden.startsWith("No SMTP host configured (SMTP_HOST): mail is written to this log"), hidden);
        assertTrue(hidden.contains("[redacted]"), hidden);
        assertTrue(hidden.contains("set AUTH_MAIL_LOG_SECRETS=true to see them"), hidden);

        String shown = warningsOf(LogMailSender.class, () -> new LogMailSender(true)).getFirst();
        assertTrue(shown.contains("WITH its links and tokens (AUTH_MAIL_LOG_SECRETS=true: development only)"), shown);
        assertFalse(shown.contains("[redacted]"), shown);
    }

    @Test
    void theDevelopmentKeyWarningIsAnAlignedBox() {
        String warning = warningsOf(MasterKey.class, () -> MasterKey.from(null)).getFirst();
        // The message starts on its own line, after the log line's prefix.
        assertTrue(warning.startsWith("\n"), "the box starts on a line of its own");
        List<String> lines = warning.lines().skip(1).toList();
        assertEquals(7, lines.size(), warning);
        int width = lines.getFirst().length();
        for (String line : lines) {
            assertEquals(width, line.length(), "every line of the box is as wide as its top: '" + line + "'");
            assertTrue(line.startsWith("*") && line.endsWith("*"), line);
        }
        assertTrue(lines.getFirst().chars().allMatch(c -> c == '*') && lines.getLast().chars().allMatch(c -> c == '*'));
        assertTrue(warning.contains("AUTH_MASTER_KEY is not set"), warning);
    }

    private static List<String> warningsOf(Class<?> source, Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            action.run();
        } finally {
            logger.detachAppender(log);
        }
        List<String> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, warnings.size(), "one warning: " + warnings);
        return warnings;
    }
}
