package dev.forewarn.customer.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a customer chose not to receive: regions, topics and addresses. Everything is opted in until the customer
 * opts out, because Forewarn warns from data rather than from subscriptions.
 */
public record NoticePreferences(Set<String> mutedRegions, Set<NoticeTopic> mutedTopics, Set<String> unsubscribed) {
    public NoticePreferences {
        mutedRegions = Set.copyOf(mutedRegions);
        mutedTopics = Set.copyOf(mutedTopics);
        unsubscribed = Set.copyOf(unsubscribed.stream().map(NoticePreferences::normal).toList());
    }

    public static final NoticePreferences NONE = new NoticePreferences(Set.of(), Set.of(), Set.of());

    /** From the stored columns; unknown topic slugs (written by a newer version) are ignored. */
    public static NoticePreferences of(Collection<String> regions, Collection<String> topics,
                                       Collection<String> addresses) {
        return new NoticePreferences(Set.copyOf(regions),
                Set.copyOf(topics.stream().flatMap(t -> NoticeTopic.ofSlug(t).stream()).toList()),
                Set.copyOf(addresses));
    }

    /** The addresses that still receive notices, in the customer's order. */
    public List<String> recipients(List<String> emails) {
        return emails.stream().filter(e -> !unsubscribed.contains(normal(e))).toList();
    }

    public NoticePreferences withUnsubscribed(String address) {
        Set<String> out = new TreeSet<>(unsubscribed);
        out.add(normal(address));
        return new NoticePreferences(mutedRegions, mutedTopics, out);
    }

    /** One line per difference, in plain words, for the customer's audit trail; empty when nothing changed. */
    public List<String> changesTo(NoticePreferences next) {
        List<String> out = new ArrayList<>();
        diff(out, "region", mutedRegions, next.mutedRegions);
        diff(out, "topic", names(mutedTopics), names(next.mutedTopics));
        diff(out, "address", unsubscribed, next.unsubscribed);
        return out;
    }

    public List<String> mutedTopicSlugs() {
        return List.copyOf(names(mutedTopics));
    }

    private static Set<String> names(Set<NoticeTopic> topics) {
        Set<String> out = new TreeSet<>();
        topics.forEach(t -> out.add(t.slug()));
        return out;
    }

    private static void diff(List<String> out, String what, Set<String> before, Set<String> after) {
        new TreeSet<>(after).stream().filter(x -> !before.contains(x))
                .forEach(x -> out.add("opted out of " + what + " " + x));
        new TreeSet<>(before).stream().filter(x -> !after.contains(x))
                .forEach(x -> out.add("opted in to " + what + " " + x));
    }

    // Mailbox names are case-insensitive in practice; an unsubscribe must not miss on letter case.
    private static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
