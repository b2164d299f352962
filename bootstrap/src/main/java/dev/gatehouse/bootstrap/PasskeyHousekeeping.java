package dev.gatehouse.bootstrap;

import dev.gatehouse.application.port.out.PasskeyChallengeRepository;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drops passkey challenges nobody answered; any instance may do it for all. */
@Context
public class PasskeyHousekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(PasskeyHousekeeping.class);
    private final PasskeyChallengeRepository challenges;
    private final Clock clock;

    public PasskeyHousekeeping(PasskeyChallengeRepository challenges, Clock clock) {
        this.challenges = challenges;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "5m", initialDelay = "1m")
    void purgeChallenges() {
        try {
            int purged = challenges.purge(clock.instant());
            if (purged > 0) {
                LOG.debug("Purged {} expired passkey challenges", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not purge passkey challenges (will retry): {}", e.toString());
        }
    }
}
