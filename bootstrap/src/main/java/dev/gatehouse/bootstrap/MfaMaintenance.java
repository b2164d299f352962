package dev.gatehouse.bootstrap;

import dev.gatehouse.application.port.out.MfaChallengeRepository;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes pending MFA logins nobody finished. A user's own expired ones also go with their next login;
 * this catches those of users who never come back. Any instance may run it: the delete is idempotent.
 */
@Context
public class MfaMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(MfaMaintenance.class);

    private final MfaChallengeRepository challenges;
    private final Clock clock;

    public MfaMaintenance(MfaChallengeRepository challenges, Clock clock) {
        this.challenges = challenges;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "2m")
    void purgeExpiredChallenges() {
        try {
            int purged = challenges.purgeExpired(clock.instant());
            if (purged > 0) {
                LOG.debug("Purged {} expired MFA logins", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not purge expired MFA logins (will retry): {}", e.toString());
        }
    }
}
