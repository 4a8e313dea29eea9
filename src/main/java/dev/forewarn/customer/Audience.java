package dev.forewarn.customer;

/**
 * The one SQL expression deciding, from a customer's stored preferences, whether a notice about region
 * {@code :region} and topic {@code :topic} reaches the customer {@code c}: null when it does, else the name of the
 * {@link dev.forewarn.customer.model.SkipReason}. Every fan-out (incident and maintenance notices) selects with it, so
 * the preferences are honoured the same way everywhere, in the same statement that queues the notices.
 */
public final class Audience {
    private Audience() {
    }

    /** Needs the parameters {@code :region} and {@code :topic} and a {@code customer} row aliased {@code c}. */
    public static final String SKIP_REASON = """
            CASE WHEN CAST(:region AS text) = ANY (c.muted_regions) THEN 'REGION_OPTED_OUT'
                 WHEN CAST(:topic AS text) = ANY (c.muted_kinds) THEN 'TOPIC_OPTED_OUT'
                 WHEN NOT EXISTS (SELECT 1 FROM unnest(c.emails) e WHERE lower(e) <> ALL (c.unsubscribed))
                      THEN 'ALL_ADDRESSES_UNSUBSCRIBED'
            END""";
}
