package dev.forewarn.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Column;
import java.time.Instant;

/** One change to a customer's notice settings: who made it, when, and from which link or API call. */
@Entity
@Table(name = "customer_audit")
public class CustomerAudit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id")
    public String customerId;

    public Instant at;

    /** An address, an API key's name, or the holder of a status link. */
    public String actor;

    /** The link or endpoint the change came through, e.g. "one-click unsubscribe in notice #12". */
    public String via;

    public String change;

    static CustomerAudit of(String customerId, Instant at, String actor, String via, String change) {
        CustomerAudit a = new CustomerAudit();
        a.customerId = customerId;
        a.at = at;
        a.actor = actor;
        a.via = via;
        a.change = change;
        return a;
    }
}
