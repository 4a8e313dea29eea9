package dev.forewarn.ticket.zendesk;

import dev.forewarn.sla.model.Severity;
import java.util.Map;
import java.util.Objects;

/**
 * How Zendesk fields translate into Forewarn terms.
 *
 * @param source             the source name put on every snapshot (for example {@code zendesk})
 * @param priorities         Zendesk priority (lower case) to severity; a priority missing here skips the ticket
 * @param noPriority         the severity of a ticket whose priority is null
 * @param groupTeams         Zendesk group id (as text) to team name; unmapped ids become the id as text
 * @param organizationCustomers Zendesk organisation id (as text) to customer id; unmapped ids become the id as text
 * @param agentBaseUrl       e.g. {@code https://acme.zendesk.com}; snapshots link to {@code /agent/tickets/{id}} under
 *                           it, or carry no link when null
 */
public record ZendeskMappingConfig(
        String source,
        Map<String, Severity> priorities,
        Severity noPriority,
        Map<String, String> groupTeams,
        Map<String, String> organizationCustomers,
        String agentBaseUrl) {

    /** Zendesk's four priorities mapped onto the default SLA policy's three severities. */
    public static final Map<String, Severity> DEFAULT_PRIORITIES = Map.of(
            "urgent", Severity.URGENT,
            "high", Severity.IMPORTANT,
            "normal", Severity.GENERAL,
            "low", Severity.GENERAL);

    public ZendeskMappingConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(noPriority, "noPriority");
        priorities = Map.copyOf(priorities);
        groupTeams = Map.copyOf(groupTeams);
        organizationCustomers = Map.copyOf(organizationCustomers);
        if (agentBaseUrl != null && agentBaseUrl.endsWith("/")) {
            agentBaseUrl = agentBaseUrl.substring(0, agentBaseUrl.length() - 1);
        }
    }

    /** The default priority mapping, no group or organisation names and no links. */
    public static ZendeskMappingConfig defaults(String source) {
        return new ZendeskMappingConfig(source, DEFAULT_PRIORITIES, Severity.GENERAL, Map.of(), Map.of(), null);
    }
}
