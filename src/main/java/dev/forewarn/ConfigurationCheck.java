package dev.forewarn;

import dev.forewarn.config.ConsistentConfiguration;
import dev.forewarn.config.ForewarnConfig;

import dev.forewarn.ha.SchemaGate;
import dev.forewarn.escalation.EscalationPlans;
import dev.forewarn.notify.NoticeOutbox;
import dev.forewarn.notify.page.PageOutbox;
import dev.forewarn.notify.page.PagerChannels;
import dev.forewarn.oncall.OnCallBook;
import dev.forewarn.probe.ProbePoller;
import dev.forewarn.quality.RegionCatalog;
import dev.forewarn.security.AckLinks;
import dev.forewarn.security.ApiKeys;
import dev.forewarn.sla.SlaPlans;
import dev.forewarn.ticket.TicketPoller;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every configuration rule of every feature while SmallRye Config validates the mapping — before Flyway,
 * the database pools or any bean exists — so a short API key or link secret, windows in the wrong order, a
 * region naming an unknown source or a route naming an unknown channel stops the process with the key named,
 * whether or not PostgreSQL is reachable. Each feature keeps its own rule; this only calls them all.
 */
public class ConfigurationCheck implements ConstraintValidator<ConsistentConfiguration, ForewarnConfig> {

    /** Every rule, each throwing IllegalStateException naming the offending key. */
    private static final List<Consumer<ForewarnConfig>> RULES = List.of(
            ApiKeys::check,
            AckLinks::check,
            RegionCatalog::check,
            ProbePoller::checkSources,
            TicketPoller::checkSources,
            SlaPlans::new,
            OnCallBook::check,
            EscalationPlans::check,
            PagerChannels::checkSettings,
            NoticeOutbox::checkSettings,
            PageOutbox::checkSettings,
            SchemaGate::check);

    @Override
    public boolean isValid(ForewarnConfig config, ConstraintValidatorContext context) {
        List<String> problems = problems(config);
        if (problems.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (String p : problems) {
            context.buildConstraintViolationWithTemplate(escape(p)).addConstraintViolation();
        }
        return false;
    }

    /** What is wrong with this configuration, one sentence per rule broken, each naming its key. */
    public static List<String> problems(ForewarnConfig config) {
        List<String> problems = new ArrayList<>();
        for (Consumer<ForewarnConfig> rule : RULES) {
            try {
                rule.accept(config);
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** Message templates interpret braces, dollars and backslashes; a key's value must print as written. */
    private static String escape(String message) {
        return String.valueOf(message).replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
                .replace("$", "\\$");
    }
}
