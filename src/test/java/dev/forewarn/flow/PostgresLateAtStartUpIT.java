package dev.forewarn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.testing.AppProcess;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.PgProxy;
import dev.forewarn.testing.ProcessPeers;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A replica started while PostgreSQL refuses it ("too many clients already", from a proxy in front of a fresh,
 * empty database) stays up with readiness DOWN naming the database and the cause, retries with backoff logging one
 * line per attempt, runs no job meanwhile, and once PostgreSQL accepts it migrates the schema, imports its
 * customers, becomes ready and serves the API.
 */
class PostgresLateAtStartUpIT {
    private static final String KEY = "late-viewer-key-0123456789abcdef";
    private static final String DB = env("FOREWARN_TEST_DB_NAME", "test") + "_late";

    @BeforeEach
    void freshDatabase() {
        Db.exec("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        Db.exec("CREATE DATABASE " + DB);
    }

    @AfterEach
    void dropDatabase() {
        Db.exec("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
    }

    @Test
    void aReplicaRefusedAtStartUpWaitsNotReadyAndComesUpOncePostgresAccepts() throws Exception {
        try (ProcessPeers peers = new ProcessPeers(ProcessPeers.ACME); PgProxy postgres = new PgProxy()) {
            Map<String, String> p = peers.properties();
            String db = "127.0.0.1:" + postgres.port() + "/" + DB;
            p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + db);
            p.put("quarkus.datasource.reactive.url", "postgresql://" + db);
            p.put("forewarn.database.initial-backoff", "200ms");
            p.put("forewarn.database.max-backoff", "1s");
            p.put("forewarn.security.api-keys.late.key", KEY);
            p.put("forewarn.security.api-keys.late.role", "viewer");
            AppProcess app = peers.launchUnready(p);

            app.waitFor(Duration.ofSeconds(60), () -> app.readiness().contains("too many clients"),
                    "readiness naming the refusal");
            app.waitFor(Duration.ofSeconds(30), () -> logLines(app, "Database not available at start-up") >= 3,
                    "three refused attempts");
            assertThat(app.isAlive()).as("a refused replica keeps running").isTrue();
            assertThat(app.ready()).isFalse();
            assertThat(app.readiness()).contains("Forewarn database schema").contains("\"DOWN\"")
                    .contains("127.0.0.1:" + postgres.port() + "/" + DB);
            assertThat(app.metric("forewarn_database_startup_failures_total")).isGreaterThanOrEqualTo(3.0);
            assertThat(app.metric("forewarn_database_schema_ready")).isZero();
            assertThat(app.metric("forewarn_leader")).as("no job runs without the schema").isZero();
            List<String> lines = app.log().lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).contains("[de.fo.ha.SchemaGate]")) {
                    assertThat(lines.get(i + 1)).as("one line per attempt, not a stack trace: " + lines.get(i))
                            .doesNotStartWith("\tat ").doesNotStartWith("Caused by");
                }
            }
            assertThat(app.log()).doesNotContain("\tat org.flywaydb");

            postgres.open();
            app.waitFor(Duration.ofSeconds(90), app::ready, "readiness once PostgreSQL accepts");
            assertThat(tablesIn(DB)).as("the schema was migrated").isGreaterThan(5);
            HttpResponse<String> customers = app.get("/api/customers", KEY);
            assertThat(customers.statusCode()).as(customers.body()).isEqualTo(200);
            assertThat(customers.body()).as("customers imported once the database accepted").contains("\"acme\"");
            app.waitFor(Duration.ofSeconds(30), () -> app.metric("forewarn_leader") == 1.0, "leadership");
            app.waitFor(Duration.ofSeconds(30), () -> app.metric("forewarn_region_state") == 0.0,
                    "the jobs judging the region");
            assertThat(app.metric("forewarn_database_schema_ready")).isEqualTo(1.0);
        }
    }

    private static long logLines(AppProcess app, String text) {
        try {
            return app.log().lines().filter(l -> l.contains(text)).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static long tablesIn(String database) throws Exception {
        String url = "jdbc:postgresql://" + env("FOREWARN_DB_HOST", "127.0.0.1") + ":" + env("FOREWARN_DB_PORT", "5432")
                + "/" + database;
        try (Connection c = DriverManager.getConnection(url, env("FOREWARN_DB_USER", "postgres"),
                env("FOREWARN_DB_PASSWORD", ""));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
