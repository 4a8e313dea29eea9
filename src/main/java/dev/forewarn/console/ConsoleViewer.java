package dev.forewarn.console;

import dev.forewarn.security.AckLinks;
import dev.forewarn.security.Role;
import jakarta.enterprise.context.RequestScoped;

/** Who is looking at the current console request: a signed-in session, the holder of a signed page link, or both. */
@RequestScoped
public class ConsoleViewer {
    private ConsoleSessions.Session session;
    private long linkPage = -1;
    private AckLinks.Action linkAction;

    void signedIn(ConsoleSessions.Session session) {
        this.session = session;
    }

    void holdsLink(long pageId, AckLinks.Action action) {
        this.linkPage = pageId;
        this.linkAction = action;
    }

    /** The session, or null for a link holder without one. */
    public ConsoleSessions.Session session() {
        return session;
    }

    /** Whether this request carries a valid signed link for this action on this page. */
    public boolean holdsLinkFor(long pageId, AckLinks.Action action) {
        return linkPage == pageId && linkAction == action;
    }

    /** Whether the signed-in key may act on pages (operator or admin). */
    public boolean mayOperate() {
        return session != null && session.role().includes(Role.OPERATOR);
    }
}
