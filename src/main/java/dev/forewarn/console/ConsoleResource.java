package dev.forewarn.console;

import dev.forewarn.api.IncidentsResource;
import dev.forewarn.api.OnCallResource;
import dev.forewarn.api.PagesResource;
import dev.forewarn.api.RegionsResource;
import dev.forewarn.api.TicketQueries;
import dev.forewarn.api.TicketViews;
import dev.forewarn.api.Views;
import dev.forewarn.incident.IncidentRepository;
import dev.forewarn.oncall.OnCallBook;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The console's pages: Now (regions, open incidents, tickets at risk, open pages, who is on call), an incident, a
 * ticket, and the on-call schedules of the next 7 days. Read-only; acting on a page goes through
 * {@link PageLinkResource}. Every page reloads itself (forewarn.console.refresh).
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {
    private static final int SHOWN = 50;

    @Inject
    ConsoleViewer viewer;
    @Inject
    ConsoleChrome chrome;
    @Inject
    RegionsResource regions;
    @Inject
    IncidentsResource incidentsApi;
    @Inject
    IncidentRepository incidents;
    @Inject
    TicketQueries tickets;
    @Inject
    PagesResource pages;
    @Inject
    OnCallBook oncall;
    @Inject
    Clock clock;

    @GET
    @Operation(hidden = true)
    public Uni<Response> now(@CookieParam(ViewerTime.COOKIE) String zone) {
        Instant now = clock.instant();
        Chrome c = chrome.of(viewer, "Now", "now", zone, "/console");
        return regions.list()
                .chain(rs -> openIncidents().chain(open -> tickets.list(new TicketQueries.Filter("open", null, null,
                                null, 1000, null), now)
                        .chain(ts -> pages.unresolved(SHOWN).chain(ps -> oncall.current(now).map(book -> {
                            List<TicketViews.TicketView> atRisk = ts.items().stream()
                                    .filter(t -> Set.of("at-risk", "breached").contains(t.state())).toList();
                            List<OnCallResource.OnCallView> who = book.schedules().stream()
                                    .sorted(java.util.Comparator.comparing((dev.forewarn.oncall.model.Schedule s) ->
                                            s.tier()).thenComparing(dev.forewarn.oncall.model.Schedule::team))
                                    .map(s -> OnCallResource.answer(book, s.tier(), s.team(), now)).toList();
                            return html(Templates.now(c, rs, open, atRisk.stream().limit(SHOWN).toList(),
                                    atRisk.size(), ps, who, viewer.mayOperate(), null));
                        })))));
    }

    private Uni<List<Views.IncidentSummary>> openIncidents() {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> incidents.search("OPEN", null, null,
                null, SHOWN)).map(l -> l.stream().map(Views.IncidentSummary::of).toList());
    }

    @GET
    @Path("incidents/{id}")
    @Operation(hidden = true)
    public Uni<Response> incident(@PathParam("id") long id, @CookieParam(ViewerTime.COOKIE) String zone) {
        Chrome c = chrome.of(viewer, "Incident #" + id, "", zone, "/console/incidents/" + id);
        return incidentsApi.get(id).map(i -> html(Templates.incident(c, i)))
                .onFailure(NotFoundException.class).recoverWithItem(() -> missing("There is no incident #" + id + "."));
    }

    @GET
    @Path("tickets/{source}/{id}")
    @Operation(hidden = true)
    public Uni<Response> ticket(@PathParam("source") String source, @PathParam("id") String id,
                                @CookieParam(ViewerTime.COOKIE) String zone) {
        Chrome c = chrome.of(viewer, "Ticket " + source + "/" + id, "", zone, "/console/tickets/" + source + "/" + id);
        return tickets.get(source, id, clock.instant()).chain(t -> {
            if (t == null) {
                return Uni.createFrom().item(missing("Forewarn has not seen ticket " + source + "/" + id + "."));
            }
            return Multi.createFrom().iterable(t.pages()).onItem()
                    .transformToUniAndConcatenate(p -> pages.get(p.id())).collect().asList()
                    .map(details -> html(Templates.ticket(c, t, details, viewer.mayOperate())));
        });
    }

    @GET
    @Path("oncall")
    @Operation(hidden = true)
    public Uni<Response> oncall(@CookieParam(ViewerTime.COOKIE) String zone) {
        Instant now = clock.instant();
        Chrome c = chrome.of(viewer, "On call", "oncall", zone, "/console/oncall");
        return oncall.current(now).chain(book -> oncall.overrides(now).map(stored -> {
            var rows = OnCallWeek.of(book, now, now.plus(Duration.ofDays(7)));
            var overrides = stored.stream().map(o -> new OnCallResource.OverrideView(o.id(), o.tier().name(),
                    o.team(), o.override().participant(), o.override().from(), o.override().to(),
                    o.override().reason())).toList();
            return html(Templates.oncall(c, rows, overrides));
        }));
    }

    static Response html(io.quarkus.qute.TemplateInstance page) {
        return Response.ok(page.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

    /** Text made safe to put into HTML (for the few answers written without a template). */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Response missing(String what) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE).entity("<!DOCTYPE html><title>Not found</title>"
                + "<p>" + escape(what) + " <a href=\"/console\">Back to Now</a></p>").build();
    }
}
