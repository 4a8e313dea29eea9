package dev.forewarn.ticket.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the exact time of a ticket's first public agent reply in a page of Zendesk's ticket comments
 * ({@code GET /api/v2/tickets/{id}/comments.json?include=users}).
 *
 * <p>The export's {@code reply_time_in_minutes} is whole minutes: up to 59 s early, and a reply late within the breach
 * minute would read as on time. The comments carry the second. Rules, as Zendesk's own reply-time metric counts: the
 * first comment is the ticket's description and never a reply; a reply is a later {@code public} comment whose author
 * the sideloaded users list as {@code agent} or {@code admin}; the earliest such {@code created_at} wins.
 */
public final class ZendeskFirstReply {
    private final ObjectMapper mapper;

    public ZendeskFirstReply(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** The path of the comments of one ticket, with their authors sideloaded. */
    static String path(String ticketId) {
        return "/api/v2/tickets/" + ticketId + "/comments.json?include=users";
    }

    /**
     * The first public agent reply in this page, empty when there is none in it.
     *
     * @throws ZendeskFormatException when the page is not a comments page
     */
    public Optional<Instant> firstPublicAgentReply(String json) throws ZendeskFormatException {
        JsonNode root;
        try {
            root = json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ZendeskFormatException("comments are not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("comments").isArray()) {
            throw new ZendeskFormatException("'comments' is missing or not an array");
        }
        Map<String, String> roles = new HashMap<>();
        for (JsonNode user : root.path("users")) {
            if (user.path("id").isIntegralNumber() && user.path("role").isTextual()) {
                roles.put(user.get("id").asText(), user.get("role").asText());
            }
        }
        List<Comment> comments = new ArrayList<>();
        for (JsonNode c : root.get("comments")) {
            Instant at = time(c.path("created_at"));
            if (at != null) {
                comments.add(new Comment(at, c.path("public").asBoolean(false),
                        roles.getOrDefault(c.path("author_id").asText(), "")));
            }
        }
        comments.sort(java.util.Comparator.comparing(Comment::at));
        return comments.stream().skip(1)
                .filter(c -> c.isPublic() && (c.role().equals("agent") || c.role().equals("admin")))
                .map(Comment::at).findFirst();
    }

    private record Comment(Instant at, boolean isPublic, String role) {
    }

    private static Instant time(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
