package dev.forewarn.ha;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness while a replica waits for PostgreSQL at start-up: DOWN, naming the database, the failed attempts, the
 * last cause and the next attempt, until {@link SchemaGate} has migrated the schema and done the start-up work.
 * (A database lost later is reported by the data source checks next to this one.)
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {
    @Inject
    SchemaGate gate;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Forewarn database schema")
                .withData("database", database);
        if (gate.ready()) {
            return response.up().build();
        }
        response.down().withData("failedAttempts", gate.failures());
        if (gate.failures() > 0) {
            response.withData("lastFailure", gate.lastFailure());
        }
        if (gate.nextAttemptAt() != null) {
            response.withData("nextAttemptAt", gate.nextAttemptAt().toString());
        }
        return response.build();
    }
}
