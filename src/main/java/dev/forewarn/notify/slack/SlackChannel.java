package dev.forewarn.notify.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.notify.page.PageAction;
import dev.forewarn.notify.page.PageMessage;
import dev.forewarn.notify.page.PagerChannel;
import dev.forewarn.notify.page.TicketRef;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Posts a page as a Block Kit message to a Slack-compatible incoming webhook. */
public final class SlackChannel implements PagerChannel {

    /** Slack's limit on a section block's text. */
    static final int MAX_SECTION_TEXT = 3000;

    /** Slack's limit on a header block's text. */
    static final int MAX_HEADER_TEXT = 150;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SlackConfig config;
    private final JsonPoster poster;

    public SlackChannel(SlackConfig config, JsonPoster poster) {
        if (config == null || poster == null) {
            throw new IllegalArgumentException("config and poster must not be null");
        }
        this.config = config;
        this.poster = poster;
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public CompletableFuture<DeliveryResult> deliver(PageMessage m) {
        return poster.deliver("slack", config.webhookUrl(), () -> JsonPoster.json(message(m)), config.timeout());
    }

    /** The webhook body: {@code text} is the notification and screen-reader fallback, {@code blocks} the message. */
    static ObjectNode message(PageMessage m) {
        String headline = headline(m);
        // A follow-up states where the page stands now; the trigger's summary ("due in 7m") is history by then.
        String lead = m.action() == PageAction.TRIGGER ? m.summary() : state(m);
        ObjectNode message = JSON.objectNode().put("text", headline + ": " + lead);
        ArrayNode blocks = message.putArray("blocks");
        blocks.addObject().put("type", "header").putObject("text")
                .put("type", "plain_text").put("text", cut(headline, MAX_HEADER_TEXT));
        blocks.addObject().put("type", "section").putObject("text")
                .put("type", "mrkdwn").put("text", cut("*" + escape(lead) + "*", MAX_SECTION_TEXT));
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        field(fields, "Tier", m.tier().name() + " · " + escape(m.team()));
        field(fields, "Assignee", m.assignee() == null ? "_unassigned_" : escape(m.assignee()));
        field(fields, "Severity", m.severity().name().toLowerCase(Locale.ROOT));
        field(fields, "Deadline", escape(m.deadline()));
        field(fields, "Breach", m.action() == PageAction.RESOLVE ? "no longer at risk"
                : timeToBreach(Duration.between(m.at(), m.breachAt())));
        // Slack renders the date in each reader's own time zone; the ISO text is the fallback
        field(fields, "Breach at", "<!date^" + m.breachAt().getEpochSecond()
                + "^{date_short_pretty} {time}|" + m.breachAt() + ">");
        blocks.addObject().put("type", "section").putObject("text")
                .put("type", "mrkdwn").put("text", ticketList(m));
        if (m.ackUrl() != null && m.action() == PageAction.TRIGGER) {
            ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject()
                    .put("type", "button")
                    .put("url", m.ackUrl())
                    .put("style", "primary");
            button.putObject("text").put("type", "plain_text").put("text", "Acknowledge");
        }
        return message;
    }

    /** "Breaches in 12m", "Breaches in 1h 05m" or "Breached 3m ago", rounded down to the minute. */
    static String timeToBreach(Duration untilBreach) {
        boolean past = untilBreach.isNegative();
        long minutes = untilBreach.abs().toMinutes();
        String span = minutes >= 60 ? String.format(Locale.ROOT, "%dh %02dm", minutes / 60, minutes % 60)
                : minutes + "m";
        return past ? "Breached " + span + " ago" : "Breaches in " + span;
    }

    /** One line per ticket; lines that would pass Slack's limit are counted instead, so no link is cut in half. */
    static String ticketList(PageMessage m) {
        StringBuilder list = new StringBuilder();
        int shown = 0;
        for (TicketRef t : m.tickets()) {
            String label = escape(t.id() + " " + t.subject());
            String line = "• " + (t.url() == null ? label : "<" + t.url() + "|" + label + ">")
                    + (t.customer().isEmpty() ? "" : " — " + escape(t.customer()));
            // room is kept for the "and N more" line
            if (list.length() + line.length() + 40 > MAX_SECTION_TEXT) {
                break;
            }
            list.append(shown == 0 ? "" : "\n").append(line);
            shown++;
        }
        int hidden = m.tickets().size() - shown;
        if (hidden > 0) {
            list.append(shown == 0 ? "" : "\n").append("…and ").append(hidden).append(" more");
        }
        return list.toString();
    }

    /** "Acknowledged by carol — escalation stopped", "Resolved: first reply sent", as of this follow-up. */
    static String state(PageMessage m) {
        if (m.action() == PageAction.ACKNOWLEDGE) {
            String by = m.details().get("acknowledged_by");
            return "Acknowledged" + (by == null ? "" : " by " + by) + " — escalation stopped for this deadline";
        }
        String why = m.details().get("resolved_why");
        return "Resolved" + (why == null ? "" : ": " + why);
    }

    private static String headline(PageMessage m) {
        String tier = m.tier().name() + " " + m.severity().name().toLowerCase(Locale.ROOT) + " " + m.deadline();
        switch (m.action()) {
            case ACKNOWLEDGE:
                return "Acknowledged · " + tier;
            case RESOLVE:
                return "Resolved · " + tier;
            default:
                return "SLA at risk · " + tier;
        }
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n" + value);
    }

    /** Slack treats &, < and > as control characters in mrkdwn; customer-typed text must not form links. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
