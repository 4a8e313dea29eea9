package dev.forewarn.ticket.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.TicketStatus;
import dev.forewarn.ticket.TicketSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Turns one page of Zendesk's incremental cursor ticket export into {@link TicketSnapshot}s. */
public final class ZendeskMapping {

    private final ZendeskMappingConfig config;
    private final ObjectMapper mapper;

    public ZendeskMapping(ZendeskMappingConfig config, ObjectMapper mapper) {
        this.config = Objects.requireNonNull(config, "config");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Reads one page of {@code /api/v2/incremental/tickets/cursor.json?include=metric_sets}.
     *
     * <p>Mapping, configured through {@link ZendeskMappingConfig}:
     * <ul>
     *   <li>{@code priority}: looked up (lower case) in the configured map, by default urgent → URGENT,
     *       high → IMPORTANT, normal and low → GENERAL; null → the configured no-priority severity (GENERAL);
     *       a value missing from the map skips the ticket.</li>
     *   <li>{@code status}: new/open/pending/hold/solved/closed one to one; {@code deleted} → CLOSED, because a
     *       deleted ticket needs no more attention.</li>
     *   <li>{@code group_id} → team: the configured name, else the id as text, else {@code "default"} when null.</li>
     *   <li>{@code organization_id} → customer id: the configured value, else the id as text, else null.</li>
     *   <li>first response: the ticket's entry in the sideloaded {@code metric_sets} (matched by {@code ticket_id}):
     *       its {@code created_at} plus {@code reply_time_in_minutes.calendar}; null when there is no entry or no
     *       calendar minutes yet (nobody has replied).</li>
     *   <li>solved: the metric set's {@code solved_at}; null when absent.</li>
     *   <li>url: {@code {agentBaseUrl}/agent/tickets/{id}} when a base URL is configured, else null (the ticket's
     *       own {@code url} is an API address, useless to a person).</li>
     * </ul>
     *
     * @throws ZendeskFormatException when the page as a whole is unusable (not JSON, no {@code tickets} array, no
     *                                boolean {@code end_of_stream}, more pages promised without a cursor); a ticket
     *                                that cannot be mapped is left out and named in {@link ZendeskPage#skipped()}
     */
    public ZendeskPage parse(String json) throws ZendeskFormatException {
        if (json == null || json.isBlank()) {
            throw new ZendeskFormatException("empty body");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ZendeskFormatException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ZendeskFormatException("page is not a JSON object");
        }
        JsonNode tickets = root.get("tickets");
        if (tickets == null || !tickets.isArray()) {
            throw new ZendeskFormatException("'tickets' is missing or not an array");
        }
        JsonNode endOfStream = root.get("end_of_stream");
        if (endOfStream == null || !endOfStream.isBoolean()) {
            throw new ZendeskFormatException("'end_of_stream' is missing or not a boolean");
        }
        JsonNode afterCursor = root.get("after_cursor");
        if (afterCursor != null && !afterCursor.isNull() && !afterCursor.isTextual()) {
            throw new ZendeskFormatException("'after_cursor' is not a string");
        }
        String cursor = afterCursor == null || afterCursor.isNull() ? null : afterCursor.asText();
        // Without a cursor there is no way to continue, so a page that says "more to come" must carry one.
        if (cursor == null && !endOfStream.booleanValue()) {
            throw new ZendeskFormatException("'after_cursor' is missing although 'end_of_stream' is false");
        }
        Map<String, JsonNode> metricSets = metricSetsByTicket(root.get("metric_sets"));

        List<TicketSnapshot> mapped = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            JsonNode ticket = tickets.get(i);
            String label = label(ticket, i);
            try {
                mapped.add(mapTicket(ticket, metricSets));
            } catch (BadTicket e) {
                skipped.add(label + ": " + e.getMessage());
            }
        }
        return new ZendeskPage(mapped, cursor, endOfStream.booleanValue(), skipped);
    }

    private static Map<String, JsonNode> metricSetsByTicket(JsonNode metricSets) throws ZendeskFormatException {
        Map<String, JsonNode> byTicket = new HashMap<>();
        if (metricSets == null || metricSets.isNull()) {
            return byTicket;
        }
        if (!metricSets.isArray()) {
            throw new ZendeskFormatException("'metric_sets' is not an array");
        }
        for (JsonNode set : metricSets) {
            // A metric set we cannot attribute cannot hurt any ticket; the ticket then simply lacks metrics.
            if (set.isObject() && set.path("ticket_id").isIntegralNumber()) {
                byTicket.put(set.get("ticket_id").asText(), set);
            }
        }
        return byTicket;
    }

    private static String label(JsonNode ticket, int index) {
        JsonNode id = ticket.path("id");
        return id.isIntegralNumber() ? "ticket " + id.asText() : "tickets[" + index + "]";
    }

    private TicketSnapshot mapTicket(JsonNode ticket, Map<String, JsonNode> metricSets) throws BadTicket {
        if (!ticket.isObject()) {
            throw new BadTicket("not a JSON object");
        }
        JsonNode idNode = ticket.get("id");
        if (idNode == null || !idNode.isIntegralNumber()) {
            throw new BadTicket("'id' is missing or not an integer");
        }
        String id = idNode.asText();
        JsonNode subjectNode = ticket.get("subject");
        String subject = subjectNode != null && subjectNode.isTextual() ? subjectNode.asText() : "";
        Severity severity = severity(ticket.get("priority"));
        TicketStatus status = status(ticket.get("status"));
        String team = lookup(ticket.get("group_id"), "group_id", config.groupTeams());
        String customer = lookup(ticket.get("organization_id"), "organization_id", config.organizationCustomers());
        Instant createdAt = requiredTime(ticket, "created_at");
        Instant updatedAt = requiredTime(ticket, "updated_at");

        Instant firstResponseAt = null;
        Instant solvedAt = null;
        JsonNode metrics = metricSets.get(id);
        if (metrics != null) {
            firstResponseAt = firstResponse(metrics);
            solvedAt = optionalTime(metrics, "metric_sets.solved_at");
        }
        String url = config.agentBaseUrl() == null ? null : config.agentBaseUrl() + "/agent/tickets/" + id;
        return new TicketSnapshot(config.source(), id, subject, severity, status,
                team == null ? TicketSnapshot.DEFAULT_TEAM : team, customer,
                createdAt, updatedAt, firstResponseAt, solvedAt, url);
    }

    private Severity severity(JsonNode priority) throws BadTicket {
        if (priority == null || priority.isNull()) {
            return config.noPriority();
        }
        if (!priority.isTextual()) {
            throw new BadTicket("'priority' is not a string");
        }
        Severity severity = config.priorities().get(priority.asText().toLowerCase(Locale.ROOT));
        if (severity == null) {
            throw new BadTicket("unknown priority '" + clip(priority.asText()) + "'");
        }
        return severity;
    }

    private static TicketStatus status(JsonNode status) throws BadTicket {
        if (status == null || !status.isTextual()) {
            throw new BadTicket("'status' is missing or not a string");
        }
        String value = status.asText().toLowerCase(Locale.ROOT);
        switch (value) {
            case "new": return TicketStatus.NEW;
            case "open": return TicketStatus.OPEN;
            case "pending": return TicketStatus.PENDING;
            case "hold": return TicketStatus.HOLD;
            case "solved": return TicketStatus.SOLVED;
            case "closed": return TicketStatus.CLOSED;
            case "deleted": return TicketStatus.CLOSED;
            default: throw new BadTicket("unknown status '" + clip(status.asText()) + "'");
        }
    }

    private static String lookup(JsonNode idNode, String field, Map<String, String> names) throws BadTicket {
        if (idNode == null || idNode.isNull()) {
            return null;
        }
        if (!idNode.isIntegralNumber()) {
            throw new BadTicket("'" + field + "' is not an integer");
        }
        String id = idNode.asText();
        return names.getOrDefault(id, id);
    }

    private static Instant firstResponse(JsonNode metrics) throws BadTicket {
        JsonNode calendar = metrics.path("reply_time_in_minutes").path("calendar");
        if (calendar.isMissingNode() || calendar.isNull()) {
            return null;
        }
        if (!calendar.isIntegralNumber() || !calendar.canConvertToLong() || calendar.longValue() < 0) {
            throw new BadTicket("'metric_sets.reply_time_in_minutes.calendar' is not a non-negative integer");
        }
        Instant createdAt = optionalTime(metrics, "metric_sets.created_at");
        if (createdAt == null) {
            throw new BadTicket("'metric_sets.created_at' is missing although a reply time is given");
        }
        try {
            return createdAt.plus(Duration.ofMinutes(calendar.longValue()));
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new BadTicket("'metric_sets.reply_time_in_minutes.calendar' is out of range");
        }
    }

    private static Instant requiredTime(JsonNode node, String field) throws BadTicket {
        Instant value = optionalTime(node, field);
        if (value == null) {
            throw new BadTicket("'" + field + "' is missing");
        }
        return value;
    }

    /** Reads a timestamp; the field name may carry a "metric_sets." prefix that only serves the message. */
    private static Instant optionalTime(JsonNode node, String field) throws BadTicket {
        String key = field.substring(field.lastIndexOf('.') + 1);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadTicket("'" + field + "' is not a string");
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadTicket("'" + field + "' is not an ISO-8601 timestamp: '" + clip(value.asText()) + "'");
        }
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** A problem confined to one ticket; checked so no path can forget to turn it into a skip. */
    private static final class BadTicket extends Exception {
        private static final long serialVersionUID = 1L;

        BadTicket(String message) {
            super(message, null, false, false);
        }
    }
}
