package dev.gatehouse.bootstrap;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import java.security.Principal;
import org.reactivestreams.Publisher;

/**
 * {@code GET /health} is liveness, as the contract says: Micronaut's own answers with every indicator,
 * the database's included, so an outage would make an orchestrator restart every instance for nothing.
 * {@code /health/liveness} and {@code /health/readiness} (which keeps the database check) are unchanged.
 */
@Replaces(HealthEndpoint.class)
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
public class LivenessHealthEndpoint extends HealthEndpoint {

    public LivenessHealthEndpoint(HealthAggregator<HealthResult> healthAggregator, HealthIndicator[] healthIndicators,
                                  @Liveness HealthIndicator[] livenessHealthIndicators) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
    }

    @Override
    @Read
    public Publisher<HealthResult> getHealth(@Nullable Principal principal) {
        return super.getHealth(principal, HealthCheckType.LIVENESS);
    }

    @Override
    @Read
    public Publisher<HealthResult> getHealth(@Nullable Principal principal, @Selector HealthCheckType selector) {
        return super.getHealth(principal, selector);
    }
}
