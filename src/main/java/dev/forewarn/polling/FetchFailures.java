package dev.forewarn.polling;

import dev.forewarn.probe.format.ProbeFormatException;
import dev.forewarn.http.FetchException;
import java.util.concurrent.CompletionException;

/** Maps a failed fetch or parse to the bounded metric reason and a log detail naming the target. */
public final class FetchFailures {
    private FetchFailures() {
    }

    public static String reason(Throwable t) {
        Throwable cause = unwrap(t);
        if (cause instanceof FetchException f) {
            return f.kind().name().toLowerCase();
        }
        if (cause instanceof ProbeFormatException || cause instanceof dev.forewarn.ticket.json.TicketFormatException) {
            return "malformed";
        }
        return "io";
    }

    public static String detail(String target, Throwable t) {
        Throwable cause = unwrap(t);
        return target + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
