package dev.forewarn.oncall;

import dev.forewarn.calendar.WeekConfig;
import dev.forewarn.calendar.model.LocalTimeRange;
import dev.forewarn.calendar.model.WeeklyHours;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.oncall.model.Layer;
import dev.forewarn.oncall.model.Override;
import dev.forewarn.oncall.model.Rotation;
import dev.forewarn.oncall.model.Schedule;
import dev.forewarn.oncall.model.ScheduleBook;
import dev.forewarn.oncall.model.Tier;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The on-call schedules: rotations from configuration (validated at start-up, key named on error) plus the
 * overrides added through the API, which live in PostgreSQL so every replica sees them.
 */
@ApplicationScoped
public class OnCallBook {
    // Overrides that ended this long ago no longer matter to any decision.
    private static final Duration OVERRIDE_MEMORY = Duration.ofDays(1);

    private final Map<String, Schedule> configured = new LinkedHashMap<>();
    private final ForewarnConfig config;

    /** A stored override with its id. */
    public record StoredOverride(long id, Tier tier, String team, Override override) {
    }

    @Inject
    public OnCallBook(ForewarnConfig config) {
        this.config = config;
        List<ForewarnConfig.ScheduleConfig> schedules = config.oncall().schedules();
        for (int i = 0; i < schedules.size(); i++) {
            ForewarnConfig.ScheduleConfig s = schedules.get(i);
            String key = "forewarn.oncall.schedules[" + i + "]";
            Tier tier = tier(s.tier(), key + ".tier");
            List<Layer> layers = new ArrayList<>();
            for (int j = 0; j < s.layers().size(); j++) {
                layers.add(layer(s.layers().get(j), key + ".layers[" + j + "]"));
            }
            try {
                Schedule schedule = new Schedule(tier, s.team(), layers, List.of());
                if (configured.put(tier + "/" + s.team(), schedule) != null) {
                    throw new IllegalStateException(key + ": a second schedule for " + tier + " team " + s.team());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(key + ": " + e.getMessage(), e);
            }
        }
    }

    /** Refuses unknown tiers, bad rotations and twice-configured schedules, naming the key. */
    public static void check(ForewarnConfig config) {
        new OnCallBook(config);
        config.oncall().people().forEach((person, p) -> p.email().ifPresent(address -> {
            if (address.isBlank() || address.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalStateException("forewarn.oncall.people." + person + ".email is not an address");
            }
        }));
    }

    public static Tier tier(String value, String key) {
        try {
            return Tier.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalStateException(key + " must be L1, L2 or L3 but was '" + value + "'");
        }
    }

    static Layer layer(ForewarnConfig.LayerConfig l, String key) {
        ZoneId zone = WeekConfig.zone(l.zone(), key + ".zone");
        if (l.hours().isPresent() && !l.week().isEmpty()) {
            throw new IllegalStateException(key + ": give either hours (every day) or week (per weekday), not both");
        }
        WeeklyHours hours = l.week().isEmpty() ? l.hours().map(h -> daily(h, zone, key + ".hours")).orElse(null)
                : WeekConfig.read(l.week(), zone, key + ".week");
        Rotation.Handoffs handoffs = switch (l.handoffs().strip().toLowerCase(Locale.ROOT)) {
            case "local-time" -> Rotation.Handoffs.LOCAL_TIME;
            case "elapsed-time" -> Rotation.Handoffs.ELAPSED_TIME;
            default -> throw new IllegalStateException(key + ".handoffs must be local-time or elapsed-time but was '"
                    + l.handoffs() + "'");
        };
        LocalDateTime firstHandoff;
        try {
            firstHandoff = LocalDateTime.parse(l.firstHandoff());
        } catch (DateTimeException e) {
            throw new IllegalStateException(key + ".first-handoff must be a local date-time like 2026-01-05T09:00 but was '"
                    + l.firstHandoff() + "'");
        }
        try {
            return new Layer(l.name(), new Rotation(l.participants(), l.shift(), firstHandoff, zone, handoffs), hours);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": " + e.getMessage(), e);
        }
    }

    private static WeeklyHours daily(String text, ZoneId zone, String key) {
        try {
            return WeeklyHours.daily(LocalTimeRange.parse(text), zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": " + e.getMessage(), e);
        }
    }

    /** The schedule book at {@code now}: configured rotations plus the stored overrides still relevant. */
    public Uni<ScheduleBook> current(Instant now) {
        return overrides(now.minus(OVERRIDE_MEMORY)).map(stored -> {
            Map<String, Schedule> merged = new LinkedHashMap<>(configured);
            for (StoredOverride o : stored) {
                String key = o.tier() + "/" + o.team();
                Schedule base = merged.getOrDefault(key, new Schedule(o.tier(), o.team(), List.of(), List.of()));
                merged.put(key, base.withOverride(o.override()));
            }
            return new ScheduleBook(List.copyOf(merged.values()));
        });
    }

    /** Overrides ending after {@code endingAfter}, in the order they were added. */
    public Uni<List<StoredOverride>> overrides(Instant endingAfter) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        SELECT id, tier, team, participant, starts_at, ends_at, reason FROM oncall_override
                         WHERE ends_at > :after ORDER BY id""", Object[].class)
                .setParameter("after", endingAfter).getResultList()))
                .map(rows -> rows.stream().map(r -> new StoredOverride(((Number) r[0]).longValue(),
                        Tier.valueOf((String) r[1]), (String) r[2], new Override((String) r[3],
                        instant(r[4]), instant(r[5]), (String) r[6]))).toList());
    }

    /** Stores an override; it applies from the next decision on. */
    public Uni<Long> addOverride(Tier tier, String team, Override o, Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        INSERT INTO oncall_override (tier, team, participant, starts_at, ends_at, reason, created_at)
                        VALUES (:tier, :team, :who, :from, :to, :reason, :now) RETURNING id""", Long.class)
                .setParameter("tier", tier.name()).setParameter("team", team).setParameter("who", o.participant())
                .setParameter("from", o.from()).setParameter("to", o.to()).setParameter("reason", o.reason())
                .setParameter("now", now).getSingleResult()));
    }

    public Uni<Boolean> removeOverride(long id) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM oncall_override WHERE id = :id").setParameter("id", id).executeUpdate()))
                .map(n -> n > 0);
    }

    /** The email address of a person, if configured. */
    public Optional<String> emailOf(String person) {
        ForewarnConfig.Person p = person == null ? null : config.oncall().people().get(person);
        return p == null ? Optional.empty() : p.email();
    }

    private static Instant instant(Object o) {
        return dev.forewarn.db.SqlValues.instant(o);
    }
}
