package dev.forewarn.customer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Stored customers. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, String> {

    public Uni<List<Customer>> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }

    public Uni<List<Customer>> page(int page, int size) {
        return findAll(io.quarkus.panache.common.Sort.by("id")).page(page, size).list();
    }
}
