package dev.forewarn.customer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.ha.SchemaMigrated;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Upserts the customers of {@code forewarn.customers.import-file} at start-up, once the schema is migrated
 * (retried with the migration while PostgreSQL refuses). Invalid entries are skipped
 * with a log line naming the entry and field; a missing or unreadable file stops start-up, because running
 * without the customers the operator meant to load would silently warn nobody.
 */
@ApplicationScoped
public class CustomerImporter {
    private static final Logger LOG = Logger.getLogger(CustomerImporter.class);

    @Inject
    ForewarnConfig config;
    @Inject
    CustomerService service;
    @Inject
    ObjectMapper mapper;

    private volatile List<CustomerInput> inputs = List.of();

    /** Reads the file before any database work, so an unreadable one stops start-up whether or not PostgreSQL is up. */
    void read(@Observes StartupEvent ignored) {
        if (config.customers().importFile().isEmpty()) {
            return;
        }
        Path file = Path.of(config.customers().importFile().get());
        try {
            inputs = mapper.readValue(Files.readString(file), new TypeReference<List<CustomerInput>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("forewarn.customers.import-file: cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Imports what {@link #read} read, once the schema is there; a failure is retried by the SchemaGate. */
    void importFile(@Observes @Priority(10) SchemaMigrated ignored) throws Throwable {
        if (config.customers().importFile().isEmpty()) {
            return;
        }
        List<CustomerInput> read = inputs;
        int imported = VertxContextSupport.subscribeAndAwait(() -> importAll(read));
        LOG.infof("Imported %d of %d customer(s) from %s", imported, read.size(), config.customers().importFile().get());
    }

    /** Upserts every valid input one after the other; returns how many were stored. */
    public Uni<Integer> importAll(List<CustomerInput> inputs) {
        return Multi.createFrom().iterable(inputs)
                .onItem().transformToUniAndConcatenate(input -> {
                    var problems = service.problems(input);
                    if (!problems.isEmpty()) {
                        LOG.warnf("Customer import: entry '%s' skipped: %s", input.id(), problems);
                        return Uni.createFrom().item(0);
                    }
                    return service.upsert(input).replaceWith(1);
                })
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }
}
