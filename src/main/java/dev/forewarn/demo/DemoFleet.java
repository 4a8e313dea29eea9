package dev.forewarn.demo;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.customer.CustomerImporter;
import dev.forewarn.customer.CustomerInput;
import dev.forewarn.ha.SchemaMigrated;
import dev.forewarn.quality.RegionCatalog;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * The built-in demo: serves a blackbox-exporter-compatible {@code /demo/probe} for the demo regions (so the
 * real polling path is exercised) and registers three demo customers, one of them reading Chinese.
 */
@ApplicationScoped
@Path("/demo")
public class DemoFleet {
    private static final Logger LOG = Logger.getLogger(DemoFleet.class);

    @Inject
    ForewarnConfig config;
    @Inject
    RegionCatalog catalog;
    @Inject
    CustomerImporter importer;
    @Inject
    Clock clock;

    private volatile DemoScript script;
    private volatile List<CustomerInput> demoCustomers = List.of();

    void onStart(@Observes StartupEvent ignored) throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        script = new DemoScript(clock.instant(), config.demo().cycle());
        List<String> regions = catalog.all().stream().map(RegionCatalog.Region::id).toList();
        List<CustomerInput> customers = List.of(
                new CustomerInput("acme-classes", "Acme Online Classes", List.of("noc@acme-classes.example"), "en",
                        "Europe/Berlin", List.of(DemoScript.TROUBLED_REGION)),
                new CustomerInput("jiankang", "健康视频问诊", List.of("ops@jiankang.example"), "zh-CN",
                        "Asia/Shanghai", regions),
                new CustomerInput("streamly", "Streamly Live", List.of("oncall@streamly.example"), "en",
                        "America/New_York", regions.stream().filter(r -> !r.equals(DemoScript.TROUBLED_REGION))
                        .toList()));
        demoCustomers = customers;
        LOG.infof("Demo mode: region %s degrades %s after start and cycles every %s; an urgent demo ticket pages "
                        + "the on-call tiers within two minutes; notices and pages are printed below",
                DemoScript.TROUBLED_REGION, config.demo().cycle().multipliedBy(20).dividedBy(100),
                config.demo().cycle());
    }

    /** Imports the demo customers once the schema is there (after the file import, before the jobs start). */
    void importCustomers(@Observes @Priority(20) SchemaMigrated ignored) throws Throwable {
        List<CustomerInput> customers = demoCustomers;
        if (!customers.isEmpty()) {
            VertxContextSupport.subscribeAndAwait(() -> importer.importAll(customers));
        }
    }

    /** The demo ticket source, a Forewarn JSON ticket document (docs/ticket-json-format.md). */
    @GET
    @Path("tickets.json")
    @Produces("application/json")
    public java.util.Map<String, Object> tickets() {
        DemoScript s = script;
        if (s == null) {
            throw new NotFoundException();
        }
        return java.util.Map.of("tickets", s.tickets(clock.instant()));
    }

    /** A blackbox exporter answer in the Prometheus text format for one demo target. */
    @GET
    @Path("probe")
    @Produces("text/plain; version=0.0.4")
    public String probe(@QueryParam("target") String target, @QueryParam("module") String module) {
        DemoScript s = script;
        if (s == null || target == null) {
            throw new NotFoundException();
        }
        String region = catalog.all().stream()
                .filter(r -> r.nodes().containsValue(target)).map(RegionCatalog.Region::id).findFirst()
                .orElseThrow(NotFoundException::new);
        String node = catalog.find(region).orElseThrow().nodes().entrySet().stream()
                .filter(e -> e.getValue().equals(target)).map(Map.Entry::getKey).findFirst().orElseThrow();
        DemoScript.Answer a = s.probe(region, node, clock.instant(), ThreadLocalRandom.current());
        return String.format(Locale.ROOT, """
                # HELP probe_icmp_duration_seconds Duration of icmp request by phase
                # TYPE probe_icmp_duration_seconds gauge
                probe_icmp_duration_seconds{phase="resolve"} 0.000012
                probe_icmp_duration_seconds{phase="rtt"} %.6f
                probe_icmp_duration_seconds{phase="setup"} 0.000081
                # HELP probe_success Displays whether or not the probe was a success
                # TYPE probe_success gauge
                probe_success %d
                # HELP probe_duration_seconds Returns how long the probe took to complete in seconds
                # TYPE probe_duration_seconds gauge
                probe_duration_seconds %.6f
                """, a.success() ? a.rttSeconds() : 0.0, a.success() ? 1 : 0, a.rttSeconds() + 0.0002);
    }
}
