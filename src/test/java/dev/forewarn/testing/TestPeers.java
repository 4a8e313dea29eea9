package dev.forewarn.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The real peers every @QuarkusTest talks to, all on 127.0.0.1: a GreenMail SMTP server, a WireMock HTTP
 * server standing in for probe sources, the Zendesk API and PagerDuty, and a real Prometheus Alertmanager.
 */
public class TestPeers implements QuarkusTestResourceLifecycleManager {
    private WireMockServer http;
    private GreenMail smtp;
    private Alertmanager alertmanager;

    @Override
    public Map<String, String> start() {
        http = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        http.start();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        alertmanager = Alertmanager.start();
        String base = "http://127.0.0.1:" + http.port();
        return Map.ofEntries(
                Map.entry("forewarn.tickets.sources.zendesk.url", base),
                Map.entry("forewarn.paging.channels.pd.url", base + "/v2/enqueue"),
                Map.entry("forewarn.paging.channels.am.url", alertmanager.url()),
                Map.entry("quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort())),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("forewarn.sources.bb.url", base),
                Map.entry("forewarn.sources.prom.url", base),
                Map.entry("forewarn.sources.json.url", base + "/agents/probes.json"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new Peers(http, smtp, alertmanager), new TestInjector.MatchesType(Peers.class));
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (alertmanager != null) {
            alertmanager.stop();
        }
    }

    /** A free TCP port on 127.0.0.1, for a peer or a process started by a test. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Handle on the peers, injected into test fields of this type. */
    public record Peers(WireMockServer http, GreenMail smtp, Alertmanager alertmanager) {
    }
}
