package dev.forewarn.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Locale;
import java.util.Map;

/** Stubs the blackbox exporter answers of the test regions on WireMock, node by node. */
public final class Fleet {
    /** Node targets of the blackbox-fed test regions (see the %test profile). */
    public static final Map<String, String[]> TARGETS = Map.of(
            "eu-central", new String[] {"10.1.0.1", "10.1.0.2", "10.1.0.3", "10.1.0.4"},
            "ap-east", new String[] {"10.2.0.1", "10.2.0.2", "10.2.0.3", "10.2.0.4"});

    private final WireMockServer http;

    public Fleet(WireMockServer http) {
        this.http = http;
    }

    /** Every node of the region answers with this RTT and success. */
    public Fleet region(String region, double rttMs, boolean success) {
        for (String target : TARGETS.get(region)) {
            node(target, aResponse().withStatus(200).withHeader("Content-Type", "text/plain; version=0.0.4")
                    .withBody(blackbox(rttMs, success)));
        }
        return this;
    }

    public Fleet healthy(String region) {
        return region(region, 28, true);
    }

    /** Long RTT: MOS well under 3.6, so the region is DEGRADED. */
    public Fleet degraded(String region) {
        return region(region, 420, true);
    }

    /** Every node of the region answers with the given response. */
    public Fleet answering(String region, ResponseDefinitionBuilder response) {
        for (String target : TARGETS.get(region)) {
            node(target, response);
        }
        return this;
    }

    private void node(String target, ResponseDefinitionBuilder response) {
        http.stubFor(get(urlPathEqualTo("/probe")).withQueryParam("target", equalTo(target))
                .withQueryParam("module", equalTo("icmp")).willReturn(response));
    }

    /** A blackbox exporter ICMP module answer. */
    public static String blackbox(double rttMs, boolean success) {
        return String.format(Locale.ROOT, """
                # HELP probe_dns_lookup_time_seconds Returns the time taken for probe dns lookup in seconds
                # TYPE probe_dns_lookup_time_seconds gauge
                probe_dns_lookup_time_seconds 1.2e-05
                # HELP probe_icmp_duration_seconds Duration of icmp request by phase
                # TYPE probe_icmp_duration_seconds gauge
                probe_icmp_duration_seconds{phase="resolve"} 1.2e-05
                probe_icmp_duration_seconds{phase="rtt"} %.6f
                probe_icmp_duration_seconds{phase="setup"} 8.1e-05
                # HELP probe_icmp_reply_hop_limit Replied packet hop limit (TTL for ipv4)
                # TYPE probe_icmp_reply_hop_limit gauge
                probe_icmp_reply_hop_limit 56
                # HELP probe_ip_protocol Specifies whether probe ip protocol is IP4 or IP6
                # TYPE probe_ip_protocol gauge
                probe_ip_protocol 4
                # HELP probe_success Displays whether or not the probe was a success
                # TYPE probe_success gauge
                probe_success %d
                # HELP probe_duration_seconds Returns how long the probe took to complete in seconds
                # TYPE probe_duration_seconds gauge
                probe_duration_seconds %.6f
                """, success ? rttMs / 1000 : 0, success ? 1 : 0, rttMs / 1000 + 0.0003);
    }
}
