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

    /** Customers by id, from an offset (the old page/size parameters) or strictly after an id (a cursor). */
    public Uni<List<Customer>> page(String afterId, int offset, int size) {
        var sort = io.quarkus.panache.common.Sort.by("id");
        var query = afterId == null ? findAll(sort) : find("id > ?1", sort, afterId);
        return query.range(offset, offset + size - 1).list();
    }
}
