package dev.forewarn.sla;

import dev.forewarn.calendar.WeekConfig;
import dev.forewarn.calendar.model.WeeklyHours;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.sla.model.AlwaysOpen;
import dev.forewarn.sla.model.BusinessCalendar;
import dev.forewarn.sla.model.BusinessHours;
import dev.forewarn.sla.model.Holiday;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.SlaPolicy;
import dev.forewarn.sla.model.SlaTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SLA policy of each plan, built once from configuration (the brief's defaults where a target is not
 * given), and which plan each customer is on. Customers without a plan, and tickets without a customer, get the
 * plan named "default" — 7×24 with the brief's targets unless configured otherwise.
 */
@ApplicationScoped
public class SlaPlans {
    public static final String DEFAULT_PLAN = "default";

    private final Map<String, SlaPolicy> plans = new HashMap<>();
    private final Map<String, String> customerPlans;

    @Inject
    public SlaPlans(ForewarnConfig config) {
        plans.put(DEFAULT_PLAN, SlaPolicy.defaults(DEFAULT_PLAN, new AlwaysOpen()));
        config.tickets().plans().forEach((name, plan) -> plans.put(name, policy(name, plan)));
        this.customerPlans = Map.copyOf(config.tickets().customerPlans());
        customerPlans.forEach((customer, plan) -> {
            if (!plans.containsKey(plan)) {
                throw new IllegalStateException("forewarn.tickets.customer-plans." + customer + " names an unknown plan '"
                        + plan + "'; known: " + plans.keySet());
            }
        });
    }

    private static SlaPolicy policy(String name, ForewarnConfig.Plan plan) {
        String key = "forewarn.tickets.plans." + name;
        BusinessCalendar calendar = calendar(plan, key);
        SlaPolicy defaults = SlaPolicy.defaults(name, calendar);
        Map<Severity, SlaTarget> targets = new EnumMap<>(defaults.targets());
        plan.targets().forEach((severity, t) -> {
            Severity s;
            try {
                s = Severity.valueOf(severity.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(key + ".targets." + severity + ": not urgent, important or general");
            }
            SlaTarget d = targets.get(s);
            targets.put(s, new SlaTarget(t.firstResponse().orElse(d.firstResponse()), t.resolution().orElse(d.resolution())));
        });
        Set<dev.forewarn.sla.model.TicketStatus> pausing = plan.pausingStatuses().map(list -> {
            Set<dev.forewarn.sla.model.TicketStatus> out = java.util.EnumSet.noneOf(dev.forewarn.sla.model.TicketStatus.class);
            for (String status : list) {
                try {
                    out.add(dev.forewarn.sla.model.TicketStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(key + ".pausing-statuses: unknown status '" + status + "'");
                }
            }
            return (Set<dev.forewarn.sla.model.TicketStatus>) out;
        }).orElse(defaults.pausingStatuses());
        return new SlaPolicy(name, targets, calendar, pausing);
    }

    /**
     * The plan's calendar: 7×24, or business hours from {@code week} (or Monday to Friday {@code open}–{@code close})
     * in {@code zone} minus {@code holidays}; a bad value names its key.
     */
    static BusinessCalendar calendar(ForewarnConfig.Plan plan, String key) {
        boolean hoursGiven = !plan.week().isEmpty() || plan.open().isPresent() || plan.close().isPresent();
        String kind = plan.calendar().orElse(hoursGiven ? "business-hours" : "24x7").toLowerCase(Locale.ROOT);
        switch (kind) {
            case "24x7", "7x24", "always" -> {
                if (hoursGiven) {
                    throw new IllegalStateException(key + ".calendar is " + plan.calendar().orElseThrow()
                            + " but the plan gives opening hours (week, open or close); use business-hours");
                }
                return new AlwaysOpen();
            }
            case "business-hours" -> {
                if (!plan.week().isEmpty() && (plan.open().isPresent() || plan.close().isPresent())) {
                    throw new IllegalStateException(key + ": give either week or open/close, not both");
                }
                ZoneId zone = WeekConfig.zone(plan.zone(), key + ".zone");
                WeeklyHours week = plan.week().isEmpty() ? weekdays(plan, key, zone)
                        : WeekConfig.read(plan.week(), zone, key + ".week");
                List<String> given = plan.holidays().orElse(List.of());
                List<Holiday> holidays = new ArrayList<>();
                for (int i = 0; i < given.size(); i++) {
                    try {
                        holidays.add(Holiday.parse(given.get(i)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(key + ".holidays[" + i + "]: " + e.getMessage(), e);
                    }
                }
                try {
                    return new BusinessHours(week, holidays);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(key + ": " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalStateException(key + ".calendar must be 24x7 or business-hours but was '"
                    + plan.calendar().orElseThrow() + "'");
        }
    }

    private static WeeklyHours weekdays(ForewarnConfig.Plan plan, String key, ZoneId zone) {
        LocalTime open = time(plan.open().orElse("09:00"), key + ".open");
        LocalTime close = time(plan.close().orElse("18:00"), key + ".close");
        return BusinessHours.weekdays(zone, open, close, List.<Holiday>of()).week();
    }

    private static LocalTime time(String value, String key) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalStateException(key + " must be a time like 09:00 but was '" + value + "'");
        }
    }

    /** The policy for a customer's tickets. */
    public SlaPolicy forCustomer(String customerId) {
        String plan = customerId == null ? DEFAULT_PLAN : customerPlans.getOrDefault(customerId, DEFAULT_PLAN);
        return plans.getOrDefault(plan, plans.get(DEFAULT_PLAN));
    }

    /** Every status that pauses the clocks of at least one plan. */
    public Set<dev.forewarn.sla.model.TicketStatus> pausingStatuses() {
        Set<dev.forewarn.sla.model.TicketStatus> all = java.util.EnumSet.noneOf(dev.forewarn.sla.model.TicketStatus.class);
        plans.values().forEach(p -> all.addAll(p.pausingStatuses()));
        return all;
    }

    public Set<String> names() {
        return plans.keySet();
    }
}
