package dev.forewarn.customer;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The customers' audit trails. */
@ApplicationScoped
public class CustomerAuditRepository implements PanacheRepository<CustomerAudit> {

    public Uni<List<CustomerAudit>> trail(String customerId) {
        return list("customerId = ?1 order by id", customerId);
    }
}
