package dev.forewarn.customer;

import dev.forewarn.quality.RegionCatalog;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import dev.forewarn.rest.ApiError;

/** Creates, updates and removes customers after validating them against the configured regions. */
@ApplicationScoped
public class CustomerService {

    @Inject
    CustomerRepository customers;
    @Inject
    RegionCatalog catalog;
    @Inject
    Clock clock;

    public List<ApiError.FieldError> problems(CustomerInput input) {
        Set<String> known = catalog.all().stream().map(RegionCatalog.Region::id).collect(Collectors.toSet());
        return input.problems(known);
    }

    /** Inserts or replaces the customer; the input must be valid. */
    @WithTransaction
    public Uni<Customer> upsert(CustomerInput input) {
        Instant now = clock.instant();
        return customers.findById(input.id()).chain(existing -> {
            Customer c = existing == null ? new Customer() : existing;
            if (existing == null) {
                c.id = input.id();
                c.createdAt = now;
            }
            c.name = input.name().strip();
            c.emails = input.emails().stream().map(String::strip).distinct().toArray(String[]::new);
            c.language = input.language();
            c.timeZone = input.timeZone();
            c.regions = input.regions().stream().distinct().sorted().toArray(String[]::new);
            c.updatedAt = now;
            return existing == null ? customers.persist(c) : Uni.createFrom().item(c);
        });
    }

    @WithTransaction
    public Uni<Boolean> delete(String id) {
        return customers.deleteById(id);
    }
}
