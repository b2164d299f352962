package dev.gatehouse.application.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailSettingsTest {
    private static MailSettings withBase(String base) {
        return new MailSettings(base, 5, Duration.ofSeconds(10), Duration.ofMinutes(10), 50, Duration.ofMinutes(1));
    }

    private static MailSettings withRetries(Duration first, Duration max) {
        return new MailSettings("https://app.example.test", 5, first, max, 50, Duration.ofMinutes(1));
    }

    @ParameterizedTest
    @CsvSource({"1, 10", "2, 20", "3, 40", "4, 80", "5, 160", "6, 320", "7, 600", "8, 600", "50, 600"})
    void theRetryDelayDoublesUntilTheCap(int attempts, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), withRetries(Duration.ofSeconds(10), Duration.ofMinutes(10)).retryDelay(attempts));
    }

    @Test
    void aDoublingThatLandsOnTheCapStaysThere() {
        MailSettings s = withRetries(Duration.ofSeconds(15), Duration.ofMinutes(1));
        assertEquals(Duration.ofSeconds(15), s.retryDelay(1));
        assertEquals(Duration.ofSeconds(30), s.retryDelay(2));
        assertEquals(Duration.ofMinutes(1), s.retryDelay(3));
        assertEquals(Duration.ofMinutes(1), s.retryDelay(4));
    }

    @Test
    void retryAndLeaseBoundsAreEnforced() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> withRetries(Duration.ofMinutes(5), Duration.ofMinutes(1)), "first retry above the cap");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> withRetries(Duration.ZERO, Duration.ofMinutes(1)), "no zero back-off");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MailSettings("https://x", 3, Duration.ofSeconds(1), Duration.ofSeconds(2), 10, Duration.ZERO), "no zero lease");
        assertEquals("https://x", new MailSettings("https://x///", 3, Duration.ofSeconds(1), Duration.ofSeconds(2), 10,
                Duration.ofMinutes(1)).linkBaseUrl());
    }

    @Test
    void aHugeAttemptCountNeitherOverflowsNorSpins() {
        MailSettings s = withRetries(Duration.ofSeconds(30), Duration.ofHours(1));
        assertEquals(Duration.ofHours(1),
                assertTimeoutPreemptively(Duration.ofSeconds(1), () -> s.retryDelay(Integer.MAX_VALUE)));
    }

    @ParameterizedTest
    @CsvSource({
            "https://app.example.test/, https://app.example.test",
            "https://app.example.test/auth/, https://app.example.test/auth",
            "https://app.example.test/auth, https://app.example.test/auth",
            "http://localhost:8080, http://localhost:8080"})
    void theLinkBaseLosesATrailingSlash(String given, String kept) {
        assertEquals(kept, withBase(given).linkBaseUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "app.example.test", "ftp://app.example.test", "javascript:alert(1)", "//app.example.test",
            " https://app.example.test", "file:///etc/passwd"})
    void aLinkBaseThatIsNoHttpUrlIsRefused(String base) {
        assertThrows(IllegalArgumentException.class, () -> withBase(base));
    }

    @Test
    void aMissingLinkBaseIsRefused() {
        assertThrows(NullPointerException.class, () -> withBase(null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void attemptsOutsideOneToAHundredAreRefused(int attempts) {
        assertThrows(IllegalArgumentException.class, () -> new MailSettings("https://a.example.test", attempts,
                Duration.ofSeconds(1), Duration.ofMinutes(1), 10, Duration.ofMinutes(1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1001})
    void batchSizesOutsideOneToAThousandAreRefused(int batch) {
        assertThrows(IllegalArgumentException.class, () -> new MailSettings("https://a.example.test", 3,
                Duration.ofSeconds(1), Duration.ofMinutes(1), batch, Duration.ofMinutes(1)));
    }

    @Test
    void missingDurationsAreRefused() {
        assertThrows(NullPointerException.class, () -> withRetries(null, Duration.ofMinutes(1)));
        assertThrows(NullPointerException.class, () -> withRetries(Duration.ofSeconds(1), null));
        assertThrows(NullPointerException.class, () -> new MailSettings("https://a.example.test", 3,
                Duration.ofSeconds(1), Duration.ofMinutes(1), 10, null));
    }

    private static MailSettings withPaths(String verify, String reset) {
        return new MailSettings("https://app.example.test/", 5, Duration.ofSeconds(10), Duration.ofMinutes(10), 50,
                Duration.ofMinutes(1), verify, reset);
    }

    @Test
    void theDefaultPathsAreTheApisOwn() {
        MailSettings s = withBase("https://app.example.test/auth/");
        assertEquals(MailSettings.DEFAULT_VERIFY_PATH, s.verifyPath());
        assertEquals(MailSettings.DEFAULT_RESET_PATH, s.resetPath());
        assertEquals("https://app.example.test/auth/verify-email?token=T0K", s.verificationLink("T0K", "U1D"));
        assertEquals("https://app.example.test/auth/password/reset/confirm?token=T0K", s.passwordResetLink("T0K", "U1D"));
    }

    @Test
    void configuredPathsFillBothPlaceholdersEverywhereTheyAppear() {
        MailSettings s = withPaths("/#/verify/{token}?u={uid}", "/password-reset/confirm/{uid}/{token}/");
        assertEquals("https://app.example.test/#/verify/T0K?u=U1D", s.verificationLink("T0K", "U1D"));
        assertEquals("https://app.example.test/password-reset/confirm/U1D/T0K/", s.passwordResetLink("T0K", "U1D"));
        assertEquals("https://app.example.test/r/T0K/T0K", withPaths("/v/{token}", "/r/{token}/{token}").passwordResetLink("T0K", "U"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "verify?token={token}", "https://evil.example/{token}", "/verify", "/verify?uid={uid}",
            "/verify/{key}/{token}", "/verify/{token", "/verify/{ token }", "/v/{token} x", "/v/\"{token}", "/v/<{token}>",
            "/v\\{token}", "/v/\u00e9/{token}", "/v/\n{token}"})
    void aPathWithoutTheTokenOrWithAnythingUnsafeIsRefused(String path) {
        assertThrows(IllegalArgumentException.class, () -> withPaths(path, MailSettings.DEFAULT_RESET_PATH), path);
        assertThrows(IllegalArgumentException.class, () -> withPaths(MailSettings.DEFAULT_VERIFY_PATH, path), path);
    }

    @Test
    void anOverlongOrMissingPathIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> withPaths("/" + "a".repeat(512) + "{token}", MailSettings.DEFAULT_RESET_PATH));
        assertThrows(NullPointerException.class, () -> withPaths(null, MailSettings.DEFAULT_RESET_PATH));
        assertThrows(NullPointerException.class, () -> withPaths(MailSettings.DEFAULT_VERIFY_PATH, null));
    }
}
