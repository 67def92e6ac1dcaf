package org.civiclink.audit.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The AccessEvent consumer is a plain Kafka consumer, outside the messaging channels that the
 * health endpoint checks by itself; a service whose consumer loop died is not ready.
 */
@Readiness
@ApplicationScoped
public class IngestionReadiness implements HealthCheck {

    private final AccessEventIngestor ingestor;

    IngestionReadiness(AccessEventIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("access-event-ingestion").status(ingestor.healthy()).build();
    }
}
