package dev.forewarn.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.customer.Customer;
import dev.forewarn.customer.CustomerRepository;
import dev.forewarn.incident.Incident;
import dev.forewarn.incident.IncidentEvent;
import dev.forewarn.incident.IncidentEventRepository;
import dev.forewarn.incident.IncidentRepository;
import dev.forewarn.maintenance.MaintenanceWindow;
import dev.forewarn.maintenance.MaintenanceWindowRepository;
import dev.forewarn.maintenance.model.MaintenanceSchedule;
import dev.forewarn.maintenance.model.MaintenanceStep;
import dev.forewarn.maintenance.model.Occurrence;
import dev.forewarn.incident.model.NoticeKind;
import dev.forewarn.notify.email.EmailSender;
import dev.forewarn.notify.email.MaintenanceFacts;
import dev.forewarn.notify.email.NoticeFacts;
import dev.forewarn.notify.email.NoticeLinks;
import dev.forewarn.notify.email.NoticeRenderer;
import dev.forewarn.notify.email.RenderedNotice;
import dev.forewarn.notify.webhook.CustomerWebhookSender;
import dev.forewarn.notify.webhook.NoticePayload;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.quality.RegionCatalog;
import dev.forewarn.quality.model.RegionEvidence;
import dev.forewarn.quality.model.RegionState;
import dev.forewarn.customer.StatusLinks;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads what claimed notices need (incident and event, or maintenance window; customer) and composes each into
 * what is sent: the rendering, and the addresses the customer's preferences still allow with their unsubscribe
 * links — or why the notice cannot be sent.
 */
@ApplicationScoped
public class NoticeComposer {

    @Inject
    IncidentRepository incidents;
    @Inject
    IncidentEventRepository events;
    @Inject
    MaintenanceWindowRepository maintenance;
    @Inject
    CustomerRepository customers;
    @Inject
    RegionCatalog regions;
    @Inject
    StatusLinks links;
    @Inject
    ObjectMapper mapper;

    /** One claimed notice composed for sending, or with the reason it cannot be sent. */
    public record Composed(Notice notice, Function<NoticeRenderer, RenderedNotice> render,
                           List<EmailSender.Recipient> to, CustomerWebhookSender.Target webhook, ObjectNode payload,
                           String unsendable) {
        static Composed unsendable(Notice n, String why) {
            return new Composed(n, null, List.of(), null, null, why);
        }
    }

    /** Composes a claimed batch; call within the claim's session. */
    public Uni<List<Composed>> compose(List<Notice> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return load(incidents, ids(claimed, n -> n.incidentId))
                .chain(is -> load(events, ids(claimed, n -> n.eventId))
                        .chain(es -> load(maintenance, ids(claimed, n -> n.maintenanceId))
                                .chain(ws -> customers.byIds(claimed.stream().map(n -> n.customerId).distinct()
                                                .toList())
                                        .map(cs -> {
                                            Map<Long, Incident> byIncident = index(is, i -> i.id);
                                            Map<Long, IncidentEvent> byEvent = index(es, e -> e.id);
                                            Map<Long, MaintenanceWindow> byWindow = index(ws, w -> w.id);
                                            Map<String, Customer> byCustomer = index(cs, c -> c.id);
                                            return claimed.stream().map(n -> compose(n,
                                                    byCustomer.get(n.customerId), byIncident.get(n.incidentId),
                                                    byEvent.get(n.eventId), byWindow.get(n.maintenanceId)))
                                                    .toList();
                                        }))));
    }

    private Composed compose(Notice n, Customer customer, Incident incident, IncidentEvent event,
                             MaintenanceWindow window) {
        if (customer == null) {
            return Composed.unsendable(n, "customer " + n.customerId + " no longer exists");
        }
        if (Notice.WEBHOOK.equals(n.channel)) {
            return webhook(n, customer, incident, event, window);
        }
        List<String> emails = customer.emails == null ? List.of() : List.of(customer.emails);
        List<String> allowed = customer.preferences().recipients(emails);
        if (allowed.isEmpty()) {
            return Composed.unsendable(n, emails.isEmpty() ? "customer " + customer.id + " has no notice address"
                    : "every address of customer " + customer.id + " unsubscribed");
        }
        List<EmailSender.Recipient> to = allowed.stream().map(a -> new EmailSender.Recipient(a,
                links.unsubscribeUrl(customer.id, a, n.id).orElse(null))).toList();
        NoticeLinks noticeLinks = new NoticeLinks(links.statusUrl(customer).orElse(""),
                links.preferencesUrl(customer).orElse(""));
        try {
            if (n.maintenanceId != null) {
                MaintenanceFacts facts = maintenanceFacts(n, customer, Objects.requireNonNull(window, "window"));
                return new Composed(n, r -> r.render(facts, noticeLinks), to, null, null, null);
            }
            NoticeFacts facts = incidentFacts(n, customer, incident, event);
            return new Composed(n, r -> r.render(facts, noticeLinks), to, null, null, null);
        } catch (Exception ex) {
            return Composed.unsendable(n, "cannot compose notice: " + ex.getMessage());
        }
    }

    private Composed webhook(Notice n, Customer customer, Incident incident, IncidentEvent event,
                             MaintenanceWindow window) {
        if (customer.webhookUrl == null || customer.webhookSecret == null) {
            return Composed.unsendable(n, "customer " + customer.id + " no longer has a webhook");
        }
        try {
            ObjectNode payload = n.maintenanceId != null
                    ? NoticePayload.of(n.id, customer.id, maintenanceFacts(n, customer,
                            Objects.requireNonNull(window, "window")))
                    : NoticePayload.of(n.id, customer.id, incidentFacts(n, customer, incident, event));
            return new Composed(n, null, List.of(), new CustomerWebhookSender.Target(customer.webhookUrl,
                    customer.webhookSecret), payload, null);
        } catch (Exception ex) {
            return Composed.unsendable(n, "cannot compose webhook notice: " + ex.getMessage());
        }
    }

    private NoticeFacts incidentFacts(Notice n, Customer customer, Incident incident, IncidentEvent event)
            throws Exception {
        RegionEvidence e = mapper.readValue(event.evidence, RegionEvidence.class);
        NoticeKind kind = NoticeKind.valueOf(n.kind);
        return new NoticeFacts(kind, incident.id, customer.name, customer.language,
                ZoneId.of(customer.timeZone), incident.regionId, regionName(incident.regionId),
                RegionState.valueOf(event.toState),
                event.fromState == null ? null : RegionState.valueOf(event.fromState),
                "RECURRED".equals(event.kind), since(kind, incident, event), began(event),
                kind == NoticeKind.ALL_CLEAR ? began(event) : null,
                e.medianMos(), e.worstDecileMos(), e.p95RttMs(), e.medianJitterMs(), e.meanLossRatio(),
                e.unreachableShare(), e.nodesUnreachable(), e.nodesExpected());
    }

    private MaintenanceFacts maintenanceFacts(Notice n, Customer customer, MaintenanceWindow w) {
        MaintenanceSchedule schedule = w.schedule();
        // The occurrence the notice was queued for; a weekly window's is found again from its start.
        Occurrence o = schedule.overlapping(n.occurrenceAt, n.occurrenceAt.plusNanos(1)).stream()
                .filter(x -> x.start().equals(n.occurrenceAt)).findFirst()
                .orElseGet(() -> new Occurrence(n.occurrenceAt, n.occurrenceAt.plus(
                        java.time.Duration.between(w.startsAt, w.endsAt))));
        return new MaintenanceFacts(w.id, customer.name, customer.language, ZoneId.of(customer.timeZone),
                w.regionId, regionName(w.regionId), MaintenanceStep.parse(n.step), o.start(), o.end(),
                schedule instanceof MaintenanceSchedule.Weekly weekly ? weekly : null, w.reason);
    }

    private String regionName(String regionId) {
        return regions.find(regionId).map(RegionCatalog.Region::displayName).orElse(regionId);
    }

    private static <T> List<T> ids(List<Notice> notices, Function<Notice, T> id) {
        return notices.stream().map(id).filter(Objects::nonNull).distinct().toList();
    }

    // A batch may hold only incident or only maintenance notices, and "in ()" is not valid SQL.
    private static <E> Uni<List<E>> load(PanacheRepositoryBase<E, Long> repository, List<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : repository.list("id in ?1", ids);
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
    }

    /**
     * When the degradation a notice is about began, in probe time: the incident's start, or for a first warning
     * about a recurrence (to a customer told nothing of the incident yet) the start of the relapse.
     */
    private static Instant since(NoticeKind kind, Incident incident, IncidentEvent event) {
        if (kind == NoticeKind.WARNING && "RECURRED".equals(event.kind)) {
            return began(event);
        }
        return incident.beganAt != null ? incident.beganAt : incident.openedAt;
    }

    private static Instant began(IncidentEvent event) {
        return event.since != null ? event.since : event.at;
    }
}
