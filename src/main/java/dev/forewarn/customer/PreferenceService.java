package dev.forewarn.customer;

import dev.forewarn.customer.model.NoticePreferences;
import dev.forewarn.customer.model.NoticeTopic;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Changes a customer's notice preferences and status links, writing every change to the customer's audit trail in
 * the same transaction. The next fan-out reads the stored preferences, so a change takes effect at once.
 */
@ApplicationScoped
public class PreferenceService {

    @Inject
    CustomerRepository customers;
    @Inject
    CustomerAuditRepository audit;
    @Inject
    Clock clock;

    /** The outcome of a change: the customer after it, or empty when there is no such customer. */
    public record Changed(Customer customer, List<String> changes) {
    }

    /** Replaces the preferences; records one audit entry per difference. */
    @WithTransaction
    public Uni<Optional<Changed>> update(String customerId, NoticePreferences next, String actor, String via) {
        return customers.findById(customerId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().item(Optional.<Changed>empty());
            }
            List<String> changes = c.preferences().changesTo(next);
            apply(c, next);
            return record(c, changes, actor, via).map(ignored -> Optional.of(new Changed(c, changes)));
        });
    }

    /** One-click unsubscribe of one address (RFC 8058); idempotent, so a second click records nothing. */
    @WithTransaction
    public Uni<Optional<Changed>> unsubscribe(String customerId, String address, String via) {
        return customers.findById(customerId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().item(Optional.<Changed>empty());
            }
            NoticePreferences next = c.preferences().withUnsubscribed(address);
            List<String> changes = c.preferences().changesTo(next);
            apply(c, next);
            return record(c, changes, address, via).map(ignored -> Optional.of(new Changed(c, changes)));
        });
    }

    /** Revokes every status link issued so far; the next notice carries a new one. */
    @WithTransaction
    public Uni<Optional<Customer>> revokeLinks(String customerId, String actor) {
        return customers.findById(customerId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().item(Optional.<Customer>empty());
            }
            c.linkVersion++;
            return record(c, List.of("revoked status links up to version " + (c.linkVersion - 1)), actor,
                    "API").map(ignored -> Optional.of(c));
        });
    }

    /** Sets (or with a null url removes) the customer's webhook for machine-readable notices. */
    @WithTransaction
    public Uni<Optional<Customer>> setWebhook(String customerId, String url, String secret, String actor) {
        return customers.findById(customerId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().item(Optional.<Customer>empty());
            }
            String change = url == null ? "removed the webhook"
                    : (c.webhookUrl == null ? "set the webhook to " : "changed the webhook to ") + url;
            c.webhookUrl = url;
            c.webhookSecret = url == null ? null : secret;
            return record(c, List.of(change), actor, "API").map(ignored -> Optional.of(c));
        });
    }

    @WithTransaction
    public Uni<List<CustomerAudit>> trail(String customerId) {
        return audit.trail(customerId);
    }

    private static void apply(Customer c, NoticePreferences p) {
        c.mutedRegions = p.mutedRegions().stream().sorted().toArray(String[]::new);
        c.mutedKinds = p.mutedTopics().stream().map(NoticeTopic::slug).sorted().toArray(String[]::new);
        c.unsubscribed = p.unsubscribed().stream().sorted().toArray(String[]::new);
    }

    private Uni<Void> record(Customer c, List<String> changes, String actor, String via) {
        Instant now = clock.instant();
        if (!changes.isEmpty()) {
            c.updatedAt = now;
        }
        return Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(change -> audit.persist(
                        CustomerAudit.of(c.id, now, actor, via, change)))
                .collect().asList().replaceWithVoid();
    }
}
