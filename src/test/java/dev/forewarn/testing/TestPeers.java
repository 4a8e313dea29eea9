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
 * The real peers every @QuarkusTest talks to, all on 127.0.0.1: a GreenMail SMTP server and a WireMock HTTP
 * server standing in for the probe sources.
 */
public class TestPeers implements QuarkusTestResourceLifecycleManager {
    private WireMockServer http;
    private GreenMail smtp;

    @Override
    public Map<String, String> start() {
        http = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .disableRequestJournal());
        http.start();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String base = "http://127.0.0.1:" + http.port();
        return Map.of(
                "quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort()),
                "quarkus.mailer.host", "127.0.0.1",
                "forewarn.sources.bb.url", base,
                "forewarn.sources.prom.url", base,
                "forewarn.sources.json.url", base + "/agents/probes.json");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new Peers(http, smtp), new TestInjector.MatchesType(Peers.class));
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Handle on the peers, injected into test fields of this type. */
    public record Peers(WireMockServer http, GreenMail smtp) {
    }
}
