package dev.forewarn.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUnavailableTest {

    @ParameterizedTest(name = "[{index}] SQLSTATE {0}: {1}")
    @CsvSource({
            // too_many_connections: PostgreSQL is out of connections
            "53300, 503",
            // cannot_connect_now: the server is starting up or shutting down
            "57P03, 503",
            // admin_shutdown
            "57P01, 503",
            // connection_failure
            "08006, 503",
            // a unique violation is a bug or a race, not an outage
            "23505, 500",
            // a syntax error is a bug
            "42601, 500",
    })
    void anOutOfConnectionsDatabaseIsA503WithRetryAfter(String sqlState, int status) {
        Throwable wrapped = new CompletionException(new RuntimeException("session failed",
                new PgException("FATAL: sorry, too many clients already", "FATAL", sqlState, null)));
        Response r = new ApiExceptionMappers().unexpected(wrapped);
        assertThat(r.getStatus()).isEqualTo(status);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo(status == 503 ? "5" : null);
    }
}
