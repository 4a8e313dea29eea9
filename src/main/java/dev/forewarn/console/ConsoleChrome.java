package dev.forewarn.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Builds the {@link Chrome} of a console page for the current viewer. */
@ApplicationScoped
public class ConsoleChrome {
    @Inject
    ConsoleSessions sessions;
    @Inject
    ConsoleConfig config;
    @Inject
    Clock clock;

    /** The chrome of a page that reloads itself on the configured interval. */
    public Chrome of(ConsoleViewer viewer, String title, String section, String zoneCookie, String back) {
        return build(viewer, title, section, zoneCookie, back, config.refresh().getSeconds());
    }

    /** The chrome of a page that must not reload itself (a form being filled in, a result just shown). */
    public Chrome still(ConsoleViewer viewer, String title, String zoneCookie, String back) {
        return build(viewer, title, "", zoneCookie, back, 0);
    }

    private Chrome build(ConsoleViewer viewer, String title, String section, String zoneCookie, String back,
                         long refresh) {
        ConsoleSessions.Session s = viewer == null ? null : viewer.session();
        return new Chrome(title, section, s == null ? null : s.name(),
                s == null ? null : s.role().name().toLowerCase(java.util.Locale.ROOT),
                ViewerTime.of(zoneCookie, clock.instant()), s == null ? "" : sessions.csrf(s), back, refresh);
    }
}
