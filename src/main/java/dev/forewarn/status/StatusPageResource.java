package dev.forewarn.status;

import dev.forewarn.customer.StatusLinks;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.customer.Customer;
import dev.forewarn.customer.CustomerRepository;
import dev.forewarn.customer.PreferenceService;
import dev.forewarn.customer.model.NoticePreferences;
import dev.forewarn.customer.model.NoticeTopic;
import dev.forewarn.notify.email.NoticeRenderer;
import dev.forewarn.quality.RegionCatalog;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.Engine;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The customer-facing pages under {@code /status}: the status page and preferences behind a customer's signed
 * link, the one-click unsubscribe (RFC 8058) and, when configured, a public page of every region. No API key: the
 * signed link is the credential. A wrong or revoked link answers 404, so a guess reveals nothing.
 */
@Path("/status")
public class StatusPageResource {
    private static final Logger LOG = Logger.getLogger(StatusPageResource.class);
    private static final String HTML = "text/html;charset=UTF-8";

    @Inject
    StatusLinks links;
    @Inject
    StatusPage page;
    @Inject
    CustomerRepository customers;
    @Inject
    PreferenceService preferences;
    @Inject
    RegionCatalog catalog;
    @Inject
    Engine engine;
    @Inject
    ForewarnConfig config;

    @GET
    @Path("public")
    @WithSession
    public Uni<Response> publicPage(@QueryParam("lang") String lang, @QueryParam("tz") String tz) {
        if (!config.status().publicPage()) {
            return Uni.createFrom().item(notFound());
        }
        ZoneId zone;
        try {
            zone = tz == null || tz.isBlank() ? ZoneId.of("UTC") : ZoneId.of(tz);
        } catch (DateTimeException e) {
            return Uni.createFrom().item(Response.status(400).type("text/plain")
                    .entity("tz: not a known time zone").build());
        }
        return page.forPublic(lang, zone).map(StatusPageResource::html);
    }

    @GET
    @Path("{customer}/{token}")
    @WithSession
    public Uni<Response> status(@PathParam("customer") String customerId, @PathParam("token") String token) {
        return linked(customerId, token).chain(c -> c == null ? Uni.createFrom().item(notFound())
                : page.forCustomer(c, links.statusPath(c).map(x -> x + "/preferences").orElse("")).map(StatusPageResource::html));
    }

    @GET
    @Path("{customer}/{token}/preferences")
    @WithSession
    public Uni<Response> preferencesForm(@PathParam("customer") String customerId, @PathParam("token") String token,
                                         @QueryParam("saved") String saved) {
        return linked(customerId, token).map(c -> c == null ? notFound()
                : html(preferencesPage(c, saved != null)));
    }

    @POST
    @Path("{customer}/{token}/preferences")
    @WithSession
    public Uni<Response> savePreferences(@PathParam("customer") String customerId, @PathParam("token") String token,
                                         @FormParam("region") List<String> regions,
                                         @FormParam("topic") List<String> topics,
                                         @FormParam("address") List<String> addresses) {
        return linked(customerId, token).chain(c -> {
            if (c == null) {
                return Uni.createFrom().item(notFound());
            }
            List<String> wantedRegions = regions == null ? List.of() : regions;
            List<String> wantedTopics = topics == null ? List.of() : topics;
            List<String> wantedAddresses = addresses == null ? List.of() : addresses;
            List<String> problems = new ArrayList<>();
            unknown(problems, "region", wantedRegions, Set.of(c.regions));
            unknown(problems, "topic", wantedTopics, Set.of(NoticeTopic.values()).stream()
                    .map(NoticeTopic::slug).collect(java.util.stream.Collectors.toSet()));
            unknown(problems, "address", wantedAddresses, Set.of(c.emails));
            if (!problems.isEmpty()) {
                LOG.infof("Status page: preferences of customer %s refused: %s", c.id, problems);
                return Uni.createFrom().item(Response.status(400).type("text/plain;charset=UTF-8")
                        .entity(String.join("\n", problems)).build());
            }
            NoticePreferences next = new NoticePreferences(
                    without(List.of(c.regions), wantedRegions),
                    new HashSet<>(without(List.of(NoticeTopic.values()).stream().map(NoticeTopic::slug).toList(),
                            wantedTopics).stream().map(s -> NoticeTopic.ofSlug(s).orElseThrow()).toList()),
                    without(List.of(c.emails), wantedAddresses));
            return preferences.update(c.id, next, "holder of status link v" + c.linkVersion, "preferences page")
                    .map(ignored -> Response.seeOther(URI.create(links.statusPath(c).orElseThrow() + "/preferences?saved=1"))
                            .build());
        });
    }

    @GET
    @Path("{customer}/unsubscribe")
    @WithSession
    public Uni<Response> unsubscribeForm(@PathParam("customer") String customerId, @QueryParam("a") String address,
                                        @QueryParam("n") String notice, @QueryParam("s") String signature) {
        if (!links.validUnsubscribe(customerId, address, notice, signature)) {
            return Uni.createFrom().item(notFound());
        }
        return customers.findById(customerId).map(c -> c == null ? notFound()
                : html(unsubscribePage(c, address, false)));
    }

    /** RFC 8058 one-click: the mail provider (or the page's button) POSTs here; the signed URL is all it needs. */
    @POST
    @Path("{customer}/unsubscribe")
    public Uni<Response> unsubscribe(@PathParam("customer") String customerId, @QueryParam("a") String address,
                                     @QueryParam("n") String notice, @QueryParam("s") String signature) {
        if (!links.validUnsubscribe(customerId, address, notice, signature)) {
            return Uni.createFrom().item(notFound());
        }
        return preferences.unsubscribe(customerId, address, "unsubscribe link in notice #" + notice)
                .map(changed -> changed.isEmpty() ? notFound()
                        : html(unsubscribePage(changed.get().customer(), address, true)));
    }

    /** The customer of a valid, unrevoked status link, or null. */
    private Uni<Customer> linked(String customerId, String token) {
        if (!links.enabled() || StatusLinks.versionOf(token) < 1) {
            return Uni.createFrom().nullItem();
        }
        return customers.findById(customerId)
                .map(c -> c != null && links.validStatus(c.id, c.linkVersion, token) ? c : null);
    }

    private String preferencesPage(Customer c, boolean saved) {
        String language = NoticeRenderer.supportedLanguage(c.language);
        Map<String, String> t = StatusTexts.of(language);
        NoticePreferences p = c.preferences();
        Map<String, Object> data = new HashMap<>();
        data.put("t", t);
        data.put("customerName", c.name);
        data.put("saved", saved);
        data.put("statusUrl", links.statusPath(c).orElseThrow());
        data.put("regions", List.of(c.regions).stream().map(r -> option(r, catalog.find(r)
                .map(RegionCatalog.Region::displayName).orElse(r), !p.mutedRegions().contains(r))).toList());
        data.put("topics", List.of(NoticeTopic.values()).stream().map(k -> option(k.slug(),
                t.get(k == NoticeTopic.MAINTENANCE ? "maintenanceTopic" : k.slug()), !p.mutedTopics().contains(k)))
                .toList());
        data.put("addresses", List.of(c.emails).stream().map(a -> option(a, a,
                !p.recipients(List.of(a)).isEmpty())).toList());
        return engine.getTemplate("status/preferences.html").data(data).render();
    }

    private String unsubscribePage(Customer c, String address, boolean done) {
        Map<String, Object> data = new HashMap<>();
        data.put("t", StatusTexts.of(NoticeRenderer.supportedLanguage(c.language)));
        data.put("address", address);
        data.put("done", done);
        return engine.getTemplate("status/unsubscribe.html").data(data).render();
    }

    private static Map<String, Object> option(String id, String name, boolean on) {
        return Map.of("id", id, "name", name, "on", on);
    }

    private static void unknown(List<String> problems, String field, List<String> given, Set<String> known) {
        given.stream().filter(g -> !known.contains(g)).findFirst()
                .ifPresent(g -> problems.add(field + ": '" + g + "' is not one of yours"));
    }

    private static Set<String> without(List<String> all, List<String> kept) {
        Set<String> out = new HashSet<>(all);
        kept.forEach(out::remove);
        return out;
    }

    private static Response html(String body) {
        // The URL is the credential: keep it out of Referer headers, caches and search engines.
        return Response.ok(body).type(HTML).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").header("X-Robots-Tag", "noindex").build();
    }

    private static Response notFound() {
        return Response.status(404).type("text/plain").entity("no such page").build();
    }
}
