package dev.forewarn.notify.email;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.page.ChannelFactory;
import dev.forewarn.notify.page.PageAction;
import dev.forewarn.notify.page.PageMessage;
import dev.forewarn.notify.page.PagerChannel;
import dev.forewarn.notify.page.TicketRef;
import dev.forewarn.oncall.OnCallBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Builds the email pager channel: a plain-text page to the on-call person's configured address. */
@ApplicationScoped
public class EmailPagerChannelFactory implements ChannelFactory {

    @Inject
    EmailSender email;
    @Inject
    OnCallBook people;

    @Override
    public ForewarnConfig.ChannelType type() {
        return ForewarnConfig.ChannelType.EMAIL;
    }

    @Override
    public PagerChannel create(String name, ForewarnConfig.Channel c) {
        return new PagerChannel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CompletableFuture<DeliveryResult> deliver(PageMessage m) {
                var to = people.emailOf(m.assignee());
                if (to.isEmpty()) {
                    return CompletableFuture.completedFuture(new DeliveryResult.Permanent(
                            "no email address configured for " + (m.assignee() == null ? "the page (nobody on call)"
                                    : "person '" + m.assignee() + "' (forewarn.oncall.people)")));
                }
                String prefix = m.action() == PageAction.TRIGGER ? "[PAGE] "
                        : m.action() == PageAction.ACKNOWLEDGE ? "[ACK] " : "[RESOLVED] ";
                StringBuilder text = new StringBuilder(m.summary()).append("\n\n");
                text.append("Tier: ").append(m.tier()).append(", team: ").append(m.team()).append('\n');
                text.append("Deadline: ").append(m.deadline()).append(", breach at ").append(m.breachAt()).append("\n\n");
                for (TicketRef t : m.tickets()) {
                    text.append("- ").append(t.id()).append(": ").append(t.subject())
                            .append(t.customer() == null ? "" : " (" + t.customer() + ")")
                            .append(t.url() == null ? "" : " " + t.url()).append('\n');
                }
                if (m.ackUrl() != null && m.action() == PageAction.TRIGGER) {
                    text.append("\nAcknowledge (opens a page with the button): ").append(m.ackUrl()).append('\n');
                }
                // Pages are written in English, whoever is on call.
                return email.send(new EmailSender.Outgoing(List.of(to.get()), prefix + m.summary(), text.toString(),
                                null, "en", Map.of("X-Forewarn-Page", m.dedupKey())), c.timeout())
                        .subscribeAsCompletionStage();
            }
        };
    }
}
