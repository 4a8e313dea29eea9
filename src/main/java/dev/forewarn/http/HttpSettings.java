package dev.forewarn.http;

import java.time.Duration;

/**
 * How Forewarn's outbound HTTP clients connect: every client is built from these by {@link HttpClients}, so
 * probe sources, ticket sources and pager channels behave alike (HTTP/1.1, keep-alive, redirects never
 * followed, no compression). Deadlines of whole exchanges are given per request, from each integration's config.
 *
 * @param connectTimeout     bound of one TCP (and TLS) connection attempt
 * @param connectionsPerHost keep-alive connections kept open to one host; requests beyond that wait for a free
 *                           connection, and the wait counts against their deadline
 * @param keepAlive          how long an idle connection stays open: long enough to carry it from one poll cycle
 *                           or outbox drain to the next
 */
public record HttpSettings(Duration connectTimeout, int connectionsPerHost, Duration keepAlive) {

    /** What pager channels, customer webhooks and ticket sources share: 5 s to connect, 16 connections a host. */
    public static final HttpSettings DEFAULTS = new HttpSettings(Duration.ofSeconds(5), 16, Duration.ofSeconds(60));

    public HttpSettings {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (connectionsPerHost < 1) {
            throw new IllegalArgumentException("connectionsPerHost must be at least 1");
        }
        if (keepAlive == null || keepAlive.toSeconds() < 1) {
            throw new IllegalArgumentException("keepAlive must be at least one second");
        }
    }

    /** These settings with another pool size per host. */
    public HttpSettings withConnectionsPerHost(int connections) {
        return new HttpSettings(connectTimeout, connections, keepAlive);
    }
}
