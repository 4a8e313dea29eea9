package dev.forewarn.notify.email;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.page.ChannelFactory;
import dev.forewarn.notify.page.PageAction;
import dev.forewarn.notify.page.PageMessage;
import dev.forewarn.notify.page.PagerChannel;
import dev.forewarn.notify.page.TicketRef;
import dev.forewarn.oncall.OnCallBook;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;

/** Builds the email pager channel: a plain-text page to the on-call person's configured address. */
@ApplicationScoped
public class EmailPagerChannelFactory implements ChannelFactory {

    @Inject
    ReactiveMailer mailer;
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
                    text.append("\nAcknowledge: POST ").append(m.ackUrl()).append('\n');
                }
                Mail mail = Mail.withText(to.get(), prefix + m.summary(), text.toString())
                        .addHeader("X-Forewarn-Page", m.dedupKey());
                return mailer.send(mail).ifNoItem().after(c.timeout()).fail()
                        .<DeliveryResult>map(ignored -> new DeliveryResult.Delivered())
                        .onFailure().recoverWithItem(EmailSender::classify)
                        .subscribeAsCompletionStage();
            }
        };
    }
}
