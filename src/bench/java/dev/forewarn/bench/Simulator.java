package dev.forewarn.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fleet on one loopback port, for benchmarks and demos: R regions × N nodes of probes in the blackbox-exporter
 * format ({@code /probe?module=icmp&target=<region>-node-<n>}) and as one Forewarn-JSON document
 * ({@code /json}), with chosen regions degrading on a script; a Zendesk-style incremental ticket export
 * ({@code /api/v2/incremental/tickets/cursor.json}) with K open tickets of mixed severities and ages; and,
 * when asked, counting sinks: an SMTP server ({@link SmtpSink}) and a WireMock pager endpoint ({@code POST /v2/enqueue}
 * and {@code /api/v2/alerts}) whose counts and first/last arrival times {@code /stats} reports.
 *
 * <p>Everything binds to 127.0.0.1 and the process stops by itself after {@code --for} (default 10 min).
 * <pre>
 * Simulator [--regions 200] [--nodes 25] [--tickets 0] [--degrade region-0,region-3] [--degrade-after 60s]
 *           [--degrade-for 300s] [--port 0] [--smtp-port -1] [--pager-port -1] [--for 600s]
 * </pre>
 * A degraded region answers blackbox probes with 250–450 ms RTT (the spread between consecutive probes is the
 * jitter Forewarn derives, ~65 ms) and a 10 % chance of a failed probe, and Forewarn-JSON readings with 280–320
 * ms, 40 ms jitter and 4 % loss — both rate a median MOS near 3, clearly below the 3.6 of a degraded region; a
 * healthy one answers with 20–40 ms and no failures. (A steady 280–320 ms without jitter rates 3.7, on the
 * threshold: such a region flaps and, rightly, never holds a sustained run.) Port 0 picks a free port; -1 leaves the sink out. The first lines printed name
 * every URL and port.
 */
public final class Simulator {

    private final int regions;
    private final int nodes;
    private final int tickets;
    private final Set<String> degraded;
    private final Instant degradeFrom;
    private final Instant degradeUntil;
    private final AtomicLong probes = new AtomicLong();
    private final AtomicLong ticketPages = new AtomicLong();
    private HttpServer http;
    private SmtpSink smtp;
    private Object pager;

    public Simulator(int regions, int nodes, int tickets, Set<String> degraded, Duration degradeAfter,
                     Duration degradeFor) {
        this.regions = regions;
        this.nodes = nodes;
        this.tickets = tickets;
        this.degraded = Set.copyOf(degraded);
        this.degradeFrom = Instant.now().plus(degradeAfter);
        this.degradeUntil = degradeFrom.plus(degradeFor);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (args.length % 2 == 1) {
            System.out.println("usage: see the Javadoc of dev.forewarn.bench.Simulator (README, Performance)");
            return;
        }
        Simulator sim = new Simulator(Integer.parseInt(a.getOrDefault("regions", "200")),
                Integer.parseInt(a.getOrDefault("nodes", "25")), Integer.parseInt(a.getOrDefault("tickets", "0")),
                a.containsKey("degrade") ? Set.of(a.get("degrade").split(",")) : Set.of(),
                duration(a.getOrDefault("degrade-after", "60s")), duration(a.getOrDefault("degrade-for", "300s")));
        int port = sim.start(Integer.parseInt(a.getOrDefault("port", "0")),
                Integer.parseInt(a.getOrDefault("smtp-port", "-1")), Integer.parseInt(a.getOrDefault("pager-port", "-1")));
        System.out.println("probe-url http://127.0.0.1:" + port);
        System.out.println("json-url http://127.0.0.1:" + port + "/json");
        System.out.println("zendesk-url http://127.0.0.1:" + port);
        System.out.println("stats-url http://127.0.0.1:" + port + "/stats");
        System.out.println("degrade-from-ms " + sim.degradeFrom.toEpochMilli());
        System.out.flush();
        Duration life = duration(a.getOrDefault("for", "600s"));
        Thread.sleep(life.toMillis());
        sim.stop();
    }

    /** Starts the HTTP server and the sinks asked for; returns the HTTP port. */
    public int start(int port, int smtpPort, int pagerPort) throws IOException {
        // The JDK server writes headers and body separately; without TCP_NODELAY every answer waits ~40 ms for
        // the client's delayed ACK (Nagle), which measures the loopback, not Forewarn. Read once, at first use.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "simulator-http");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/probe", this::blackbox);
        http.createContext("/json", this::json);
        http.createContext("/api/v2/incremental/tickets/cursor.json", this::ticketExport);
        http.createContext("/stats", this::stats);
        http.start();
        if (smtpPort >= 0) {
            smtp = new SmtpSink(smtpPort);
            System.out.println("smtp-port " + smtp.port());
        }
        if (pagerPort >= 0) {
            pager = Pager.start(pagerPort);
            System.out.println("pager-url http://127.0.0.1:" + Pager.port(pager));
        }
        return http.getAddress().getPort();
    }

    public void stop() {
        if (http != null) {
            http.stop(0);
        }
        if (smtp != null) {
            smtp.close();
        }
        if (pager != null) {
            Pager.stop(pager);
        }
    }

    /** Emails accepted by the SMTP sink so far. */
    public int mails() {
        return smtp == null ? 0 : smtp.messages();
    }

    private boolean isDegraded(String region) {
        Instant now = Instant.now();
        return degraded.contains(region) && !now.isBefore(degradeFrom) && now.isBefore(degradeUntil);
    }

    private void blackbox(HttpExchange ex) throws IOException {
        String target = query(ex).getOrDefault("target", "");
        int dash = target.lastIndexOf("-node-");
        if (dash < 0) {
            reply(ex, 400, "text/plain", "target must be <region>-node-<n>\n");
            return;
        }
        probes.incrementAndGet();
        String region = target.substring(0, dash);
        boolean bad = isDegraded(region);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        boolean success = !bad || r.nextInt(10) != 0;
        double rtt = (bad ? 0.250 + r.nextDouble() * 0.200 : 0.020 + r.nextDouble() * 0.020);
        StringBuilder b = new StringBuilder(900);
        b.append("# HELP probe_dns_lookup_time_seconds Returns the time taken for probe dns lookup in seconds\n")
                .append("# TYPE probe_dns_lookup_time_seconds gauge\nprobe_dns_lookup_time_seconds 1.2e-05\n")
                .append("# HELP probe_duration_seconds Returns how long the probe took to complete in seconds\n")
                .append("# TYPE probe_duration_seconds gauge\nprobe_duration_seconds ")
                .append(success ? rtt + 0.0004 : 1.0).append('\n')
                .append("# HELP probe_icmp_duration_seconds Duration of icmp request by phase\n")
                .append("# TYPE probe_icmp_duration_seconds gauge\n")
                .append("probe_icmp_duration_seconds{phase=\"resolve\"} 1.2e-05\n")
                .append("probe_icmp_duration_seconds{phase=\"rtt\"} ").append(success ? rtt : 0).append('\n')
                .append("probe_icmp_duration_seconds{phase=\"setup\"} 0.000113\n")
                .append("# HELP probe_icmp_reply_hop_limit Replied packet hop limit (TTL for ipv4)\n")
                .append("# TYPE probe_icmp_reply_hop_limit gauge\nprobe_icmp_reply_hop_limit 57\n")
                .append("# HELP probe_ip_addr_hash Specifies the hash of IP address. It's useful to detect if the IP address changes.\n")
                .append("# TYPE probe_ip_addr_hash gauge\nprobe_ip_addr_hash 3.220452e+09\n")
                .append("# HELP probe_ip_protocol Specifies whether probe ip protocol is IP4 or IP6\n")
                .append("# TYPE probe_ip_protocol gauge\nprobe_ip_protocol 4\n")
                .append("# HELP probe_success Displays whether or not the probe was a success\n")
                .append("# TYPE probe_success gauge\nprobe_success ").append(success ? 1 : 0).append('\n');
        reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", b.toString());
    }

    private void json(HttpExchange ex) throws IOException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String at = Instant.now().toString();
        StringBuilder b = new StringBuilder(regions * nodes * 140).append("{\"agent\":\"forewarn-simulator\",\"readings\":[");
        for (int g = 0; g < regions; g++) {
            String region = "region-" + g;
            boolean bad = isDegraded(region);
            for (int n = 0; n < nodes; n++) {
                if (g + n > 0) {
                    b.append(',');
                }
                b.append("{\"region\":\"").append(region).append("\",\"node\":\"").append(region).append("-node-")
                        .append(n).append("\",\"at\":\"").append(at).append("\",\"reachable\":true,\"rttMs\":")
                        .append(String.format(Locale.ROOT, "%.1f", bad ? 280 + r.nextDouble() * 40 : 20 + r.nextDouble() * 20))
                        .append(",\"jitterMs\":").append(bad ? 40 : 3).append(",\"lossPercent\":").append(bad ? 4 : 0)
                        .append('}');
            }
        }
        reply(ex, 200, "application/json", b.append("]}").toString());
    }

    /** One page with every ticket: ids 1..K, ages and severities spread like SyntheticTickets. */
    private void ticketExport(HttpExchange ex) throws IOException {
        ticketPages.incrementAndGet();
        Instant now = Instant.now();
        StringBuilder b = new StringBuilder(tickets * 260 + 100).append("{\"tickets\":[");
        String[] priorities = {"urgent", "high", "high", "normal", "normal", "low"};
        String[] statuses = {"new", "open", "open", "open", "pending", "hold"};
        for (int i = 1; i <= tickets; i++) {
            String created = now.minusSeconds((i * 7919L) % 172_800).toString();
            b.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"subject\":\"Simulated ticket ").append(i)
                    .append("\",\"priority\":\"").append(priorities[i % priorities.length]).append("\",\"status\":\"")
                    .append(statuses[i % statuses.length]).append("\",\"group_id\":").append(100 + i % 3)
                    .append(",\"organization_id\":").append(1000 + i % 500).append(",\"created_at\":\"").append(created)
                    .append("\",\"updated_at\":\"").append(created).append("\"}");
        }
        b.append("],\"metric_sets\":[],\"end_of_stream\":true,\"after_cursor\":null}");
        reply(ex, 200, "application/json", b.toString());
    }

    private void stats(HttpExchange ex) throws IOException {
        reply(ex, 200, "application/json", String.format(Locale.ROOT,
                "{\"probes\":%d,\"ticketPages\":%d,%s,\"pages\":%d}%n", probes.get(), ticketPages.get(),
                smtp == null ? "\"mails\":0" : smtp.statsJson(), pager == null ? 0 : Pager.count(pager)));
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new HashMap<>();
        String q = ex.getRequestURI().getRawQuery();
        if (q != null) {
            for (String part : q.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Duration duration(String s) {
        return Duration.parse("PT" + s.toUpperCase(Locale.ROOT));
    }

    /** The WireMock pager sink, kept apart so the probe benchmark never loads WireMock. */
    private static final class Pager {
        static Object start(int port) {
            var options = com.github.tomakehurst.wiremock.core.WireMockConfiguration.options()
                    .bindAddress("127.0.0.1");
            var server = new com.github.tomakehurst.wiremock.WireMockServer(
                    port == 0 ? options.dynamicPort() : options.port(port));
            server.start();
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                    com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(202)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"status\":\"success\",\"message\":\"Event processed\"}")));
            return server;
        }

        static int port(Object server) {
            return ((com.github.tomakehurst.wiremock.WireMockServer) server).port();
        }

        static int count(Object server) {
            return ((com.github.tomakehurst.wiremock.WireMockServer) server).countRequestsMatching(
                    com.github.tomakehurst.wiremock.matching.RequestPattern.everything()).getCount();
        }

        static void stop(Object server) {
            ((com.github.tomakehurst.wiremock.WireMockServer) server).stop();
        }
    }
}
