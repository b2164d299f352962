package dev.gatehouse.bootstrap;

import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.RateLimiter;
import dev.gatehouse.application.service.RuntimeSettingsService;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Periodic housekeeping every instance does for itself. */
@Context
public class Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    private final AccessTokenSigner signer;
    private final RateLimiter limiter;
    private final Clock clock;
    private final RuntimeSettingsService settings;

    public Maintenance(AccessTokenSigner signer, RateLimiter limiter, Clock clock, RuntimeSettingsService settings) {
        this.signer = signer;
        this.limiter = limiter;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Picks up settings changed on another instance. Here, not on request threads: a request during a
     * database outage then waits for the pool once (its own query), not once more for the settings.
     */
    @Scheduled(fixedDelay = "${auth.settings-refresh:2s}", initialDelay = "${auth.settings-refresh:2s}")
    void refreshSettings() {
        settings.refreshNow(); // keeps the last known settings when the database cannot be read
    }

    /** Picks up a key rotated on another instance, so this one signs with it within seconds. */
    @Scheduled(fixedDelay = "${auth.key-reload-interval:10s}", initialDelay = "${auth.key-reload-interval:10s}")
    void reloadKeys() {
        try {
            signer.reload();
        } catch (RuntimeException e) {
            LOG.warn("Could not reload signing keys (will retry): {}", e.toString());
        }
    }

    /** Drops rate-limit counters whose window ended an hour ago. */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void purgeRateLimits() {
        try {
            int purged = limiter.purge(clock.instant().minus(Duration.ofHours(1)));
            if (purged > 0) {
                LOG.debug("Purged {} expired rate-limit counters", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not purge rate-limit counters (will retry): {}", e.toString());
        }
    }
}
