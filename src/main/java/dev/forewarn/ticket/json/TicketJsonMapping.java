package dev.forewarn.ticket.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.security.InputRules;
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

/** Reads and validates the Forewarn JSON ticket format (see {@code docs/ticket-json-format.md}). */
public final class TicketJsonMapping {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_SUBJECT_LENGTH = 1000;
    /** Longest subject accepted at all (characters); up to MAX_SUBJECT_LENGTH of it is kept. */
    public static final int MAX_SUBJECT_TEXT = 10_000;
    /** Longest link accepted (characters). */
    public static final int MAX_URL_LENGTH = 2000;
    /** Most tickets one pushed document may hold; a larger push is refused whole with 413 (count). */
    public static final int MAX_PUSHED_TICKETS = 1000;
    public static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);

    private TicketJsonMapping() {
    }

    /**
     * Parses a document with the tree model (no reflection, so it works in a native image); wrong JSON types and
     * unreadable timestamps make the whole document unusable because they mean the sending tool is broken.
     */
    public static TicketDocument parse(String json, ObjectMapper mapper) throws TicketFormatException {
        if (json == null || json.isBlank()) {
            throw new TicketFormatException("empty body");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TicketFormatException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TicketFormatException("document is not a JSON object");
        }
        JsonNode tickets = root.get("tickets");
        if (tickets == null || !tickets.isArray()) {
            throw new TicketFormatException("'tickets' is missing or not an array");
        }
        List<TicketJson> parsed = new ArrayList<>(tickets.size());
        for (int i = 0; i < tickets.size(); i++) {
            JsonNode ticket = tickets.get(i);
            if (ticket.isNull()) {
                // Kept as null so validation reports it against its index like any other bad ticket.
                parsed.add(null);
                continue;
            }
            if (!ticket.isObject()) {
                throw new TicketFormatException("tickets[" + i + "] is not an object");
            }
            parsed.add(new TicketJson(
                    id(ticket, i), text(ticket, "subject", i), text(ticket, "severity", i),
                    text(ticket, "status", i), text(ticket, "team", i), text(ticket, "customerId", i),
                    time(ticket, "createdAt", i), time(ticket, "updatedAt", i),
                    time(ticket, "firstResponseAt", i), time(ticket, "solvedAt", i), text(ticket, "url", i)));
        }
        return new TicketDocument(parsed);
    }

    /** Normalises the valid tickets of {@code doc} and names every problem of the others. */
    public static TicketValidation validate(TicketDocument doc, String source, Instant now) {
        List<TicketSnapshot> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        if (doc == null || doc.tickets() == null) {
            return new TicketValidation(accepted, rejected);
        }
        Map<String, Integer> seenIds = new HashMap<>();
        for (int i = 0; i < doc.tickets().size(); i++) {
            TicketJson ticket = doc.tickets().get(i);
            if (ticket == null) {
                rejected.add(new Rejection(i, "ticket", "is null"));
                continue;
            }
            List<Rejection> problems = new ArrayList<>();
            String id = blankToNull(ticket.id());
            if (id == null) {
                problems.add(new Rejection(i, "id", "is missing"));
            } else if (InputRules.id(id).isPresent()) {
                problems.add(new Rejection(i, "id", InputRules.id(id).get()));
            } else if (seenIds.containsKey(id)) {
                problems.add(new Rejection(i, "id", "repeats the id of tickets[" + seenIds.get(id) + "]"));
            }
            Severity severity = severity(ticket.severity(), i, problems);
            TicketStatus status = status(ticket.status(), i, problems);
            // A subject may span lines (they become spaces when stored); NUL and other controls are refused.
            paragraph(ticket.subject(), MAX_SUBJECT_TEXT, i, "subject", problems);
            text(ticket.team(), MAX_ID_LENGTH, i, "team", problems);
            text(ticket.customerId(), MAX_ID_LENGTH, i, "customerId", problems);
            text(ticket.url(), MAX_URL_LENGTH, i, "url", problems);
            instant(ticket.createdAt(), now, i, "createdAt", problems);
            instant(ticket.updatedAt(), now, i, "updatedAt", problems);
            instant(ticket.firstResponseAt(), now, i, "firstResponseAt", problems);
            instant(ticket.solvedAt(), now, i, "solvedAt", problems);
            Instant createdAt = ticket.createdAt();
            if (createdAt == null) {
                problems.add(new Rejection(i, "createdAt", "is missing"));
            } else {
                if (createdAt.isAfter(now.plus(MAX_FUTURE_SKEW))) {
                    problems.add(new Rejection(i, "createdAt", "is more than "
                            + MAX_FUTURE_SKEW.toMinutes() + " min in the future"));
                }
                notBefore(ticket.updatedAt(), createdAt, i, "updatedAt", problems);
                notBefore(ticket.firstResponseAt(), createdAt, i, "firstResponseAt", problems);
                notBefore(ticket.solvedAt(), createdAt, i, "solvedAt", problems);
            }
            if (!problems.isEmpty()) {
                rejected.addAll(problems);
                continue;
            }
            seenIds.put(id, i);
            String team = blankToNull(ticket.team());
            accepted.add(new TicketSnapshot(source, id, subject(ticket.subject()), severity, status,
                    team == null ? TicketSnapshot.DEFAULT_TEAM : team, blankToNull(ticket.customerId()),
                    createdAt, ticket.updatedAt() == null ? createdAt : ticket.updatedAt(),
                    ticket.firstResponseAt(), ticket.solvedAt(), blankToNull(ticket.url())));
        }
        return new TicketValidation(accepted, rejected);
    }

    private static Severity severity(String value, int index, List<Rejection> problems) {
        String text = blankToNull(value);
        if (text == null) {
            problems.add(new Rejection(index, "severity", "is missing"));
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "urgent": case "p1": return Severity.URGENT;
            case "important": case "p2": return Severity.IMPORTANT;
            case "general": case "p3": return Severity.GENERAL;
            default:
                problems.add(new Rejection(index, "severity", "unknown value '" + clip(text)
                        + "' (expected urgent, important, general, P1, P2 or P3)"));
                return null;
        }
    }

    private static TicketStatus status(String value, int index, List<Rejection> problems) {
        String text = blankToNull(value);
        if (text == null) {
            problems.add(new Rejection(index, "status", "is missing"));
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "new": return TicketStatus.NEW;
            case "open": return TicketStatus.OPEN;
            case "pending": return TicketStatus.PENDING;
            case "hold": return TicketStatus.HOLD;
            case "solved": return TicketStatus.SOLVED;
            case "closed": return TicketStatus.CLOSED;
            default:
                problems.add(new Rejection(index, "status", "unknown value '" + clip(text)
                        + "' (expected new, open, pending, hold, solved or closed)"));
                return null;
        }
    }

    private static void text(String value, int max, int index, String field, List<Rejection> problems) {
        InputRules.line(value, max).ifPresent(p -> problems.add(new Rejection(index, field, p)));
    }

    private static void paragraph(String value, int max, int index, String field, List<Rejection> problems) {
        InputRules.paragraph(value, max).ifPresent(p -> problems.add(new Rejection(index, field, p)));
    }

    private static void instant(Instant value, Instant now, int index, String field, List<Rejection> problems) {
        InputRules.instant(value, now).ifPresent(p -> problems.add(new Rejection(index, field, p)));
    }

    private static void notBefore(Instant value, Instant createdAt, int index, String field,
            List<Rejection> problems) {
        if (value != null && value.isBefore(createdAt)) {
            problems.add(new Rejection(index, field, "is before createdAt"));
        }
    }

    private static String subject(String subject) {
        if (subject == null) {
            return "";
        }
        if (subject.length() <= MAX_SUBJECT_LENGTH) {
            return subject;
        }
        int end = MAX_SUBJECT_LENGTH;
        // Never cut a surrogate pair in half, or the stored subject would not be valid UTF-16.
        if (Character.isHighSurrogate(subject.charAt(end - 1))) {
            end--;
        }
        return subject.substring(0, end);
    }

    private static String id(JsonNode ticket, int index) throws TicketFormatException {
        JsonNode node = ticket.get("id");
        // Numeric ids are common in tools built on a database sequence; they mean the same as their text.
        if (node != null && node.isIntegralNumber()) {
            return node.asText();
        }
        return text(ticket, "id", index);
    }

    private static String text(JsonNode ticket, String field, int index) throws TicketFormatException {
        JsonNode node = ticket.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new TicketFormatException("tickets[" + index + "]." + field + " is not a string");
        }
        return node.asText();
    }

    private static Instant time(JsonNode ticket, String field, int index) throws TicketFormatException {
        String text = text(ticket, field, index);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new TicketFormatException("tickets[" + index + "]." + field
                    + " is not an ISO-8601 timestamp with offset: '" + clip(text) + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
