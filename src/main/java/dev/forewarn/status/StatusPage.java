package dev.forewarn.status;

import dev.forewarn.customer.Customer;
import dev.forewarn.incident.Incident;
import dev.forewarn.incident.IncidentEvent;
import dev.forewarn.incident.IncidentEventRepository;
import dev.forewarn.incident.IncidentRepository;
import dev.forewarn.maintenance.MaintenanceWindow;
import dev.forewarn.maintenance.MaintenanceWindowRepository;
import dev.forewarn.maintenance.model.MaintenanceSchedule;
import dev.forewarn.maintenance.model.Occurrence;
import dev.forewarn.notify.email.NoticeRenderer;
import dev.forewarn.quality.RegionCatalog;
import dev.forewarn.quality.RegionStatusRepository;
import dev.forewarn.quality.RegionStatusRow;
import io.quarkus.qute.Engine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a status page: the regions' current state, open incidents with their timeline in plain words, planned
 * maintenance and the last 30 days, in one language and time zone. Call within a session.
 */
@ApplicationScoped
public class StatusPage {
    static final Duration HISTORY = Duration.ofDays(30);

    @Inject
    RegionCatalog catalog;
    @Inject
    RegionStatusRepository statuses;
    @Inject
    IncidentRepository incidents;
    @Inject
    IncidentEventRepository events;
    @Inject
    MaintenanceWindowRepository maintenance;
    @Inject
    Engine engine;
    @Inject
    Clock clock;

    /** What the page is about and how it is shown. */
    record Audience(String title, String customerName, List<String> regions, Set<String> mutedRegions,
                    String language, ZoneId zone, String preferencesUrl) {
    }

    /** The page of one customer: its regions, in its language and zone. */
    public Uni<String> forCustomer(Customer c, String preferencesUrl) {
        return render(new Audience("title", c.name, List.of(c.regions), Set.of(c.mutedRegions),
                NoticeRenderer.supportedLanguage(c.language), ZoneId.of(c.timeZone), preferencesUrl));
    }

    /** The public page: every region, in English and UTC unless asked otherwise. */
    public Uni<String> forPublic(String language, ZoneId zone) {
        return render(new Audience("publicTitle", null, catalog.all().stream().map(RegionCatalog.Region::id).toList(),
                Set.of(), NoticeRenderer.supportedLanguage(language), zone, null));
    }

    private Uni<String> render(Audience a) {
        Instant now = clock.instant();
        Map<String, String> t = StatusTexts.of(a.language());
        return statuses.listAll().chain(rows -> incidents.list(
                        "regionId in ?1 and (status = 'OPEN' or openedAt >= ?2) order by openedAt desc",
                        a.regions(), now.minus(HISTORY))
                .chain(found -> timelines(found).chain(timeline -> maintenance.scheduled(now).map(windows -> {
                    Map<String, RegionStatusRow> byRegion = rows.stream()
                            .collect(Collectors.toMap(r -> r.regionId, Function.identity()));
                    List<MaintenanceWindow> relevant = windows.stream()
                            .filter(w -> a.regions().contains(w.regionId)).toList();
                    Map<String, Object> data = new HashMap<>();
                    data.put("t", t);
                    data.put("title", t.get(a.title()));
                    data.put("customerName", a.customerName() == null ? "" : a.customerName());
                    data.put("zone", a.zone().getId());
                    data.put("preferencesUrl", a.preferencesUrl() == null ? "" : a.preferencesUrl());
                    data.put("regions", a.regions().stream().map(id -> region(id, byRegion.get(id), relevant,
                            a, t, now)).toList());
                    data.put("open", found.stream().filter(i -> Incident.OPEN.equals(i.status))
                            .map(i -> incident(i, timeline.getOrDefault(i.id, List.of()), a, t)).toList());
                    data.put("history", found.stream().filter(i -> !Incident.OPEN.equals(i.status))
                            .map(i -> incident(i, List.of(), a, t)).toList());
                    data.put("maintenance", relevant.stream().flatMap(w -> maintenance(w, a, now).stream())
                            .toList());
                    return engine.getTemplate("status/page.html").data(data).render();
                }))));
    }

    private Uni<Map<Long, List<IncidentEvent>>> timelines(List<Incident> found) {
        List<Long> open = found.stream().filter(i -> Incident.OPEN.equals(i.status)).map(i -> i.id).toList();
        if (open.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return events.list("incidentId in ?1 order by id", open)
                .map(es -> es.stream().collect(Collectors.groupingBy(e -> e.incidentId)));
    }

    private Map<String, Object> region(String id, RegionStatusRow row, List<MaintenanceWindow> windows, Audience a,
                                       Map<String, String> t, Instant now) {
        boolean inMaintenance = windows.stream().anyMatch(w -> w.regionId.equals(id) && w.covers(now));
        String state = row == null ? "UNKNOWN" : row.settledState;
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("name", name(id));
        m.put("state", inMaintenance ? "MAINTENANCE" : state);
        m.put("stateText", t.get(inMaintenance ? "MAINTENANCE" : state));
        m.put("muted", a.mutedRegions().contains(id));
        return m;
    }

    private Map<String, Object> incident(Incident i, List<IncidentEvent> timeline, Audience a, Map<String, String> t) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", Long.toString(i.id));
        m.put("region", name(i.regionId) + " (" + i.regionId + ")");
        m.put("state", i.state);
        m.put("stateText", t.get(i.state));
        m.put("worstText", t.get(i.worstState));
        m.put("since", time(i.openedAt, a));
        m.put("until", i.resolvedAt == null ? "" : time(i.resolvedAt, a));
        m.put("timeline", timeline.stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", time(e.at, a));
            String key = "OPENED".equals(e.kind) && "OUTAGE".equals(e.toState) ? "OPENED_OUTAGE" : e.kind;
            String words = t.getOrDefault(key, e.kind);
            if ("WORSENED".equals(e.kind) || "IMPROVED".equals(e.kind)) {
                words += ": " + t.get(e.toState);
            }
            entry.put("text", words + (e.muted ? " " + t.get("mutedEvent") : ""));
            return entry;
        }).toList());
        return m;
    }

    private List<Map<String, Object>> maintenance(MaintenanceWindow w, Audience a, Instant now) {
        Optional<Occurrence> next = w.schedule().next(now);
        if (next.isEmpty()) {
            return List.of();
        }
        Map<String, Object> m = new HashMap<>();
        m.put("region", name(w.regionId) + " (" + w.regionId + ")");
        m.put("from", time(next.get().start(), a));
        m.put("to", time(next.get().end(), a));
        m.put("reason", w.reason);
        m.put("weekly", w.schedule() instanceof MaintenanceSchedule.Weekly weekly
                ? NoticeRenderer.recurrence(weekly, a.language()) : "");
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(m);
        return out;
    }

    private String name(String regionId) {
        return catalog.find(regionId).map(RegionCatalog.Region::displayName).orElse(regionId);
    }

    private static String time(Instant at, Audience a) {
        return NoticeRenderer.localTime(at, a.zone(), a.language());
    }
}
