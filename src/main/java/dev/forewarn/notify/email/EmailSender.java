package dev.forewarn.notify.email;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.model.DeliveryResult;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands emails — customer notices and email pages — to the SMTP server and classifies the outcome.
 *
 * <p>Messages go through the Vert.x mail client Quarkus configured (same server, pool and TLS settings) rather than
 * quarkus-mailer's {@code Mail}, which always writes a {@code Cc:} header, empty when there is no copy recipient.
 * In mock mode (the demo) they go through quarkus-mailer, which prints them to the log.
 */
@ApplicationScoped
public class EmailSender {
    // SMTP 5xx replies are permanent by RFC 5321; everything else (4xx, connection trouble) may pass later.
    private static final Pattern PERMANENT_REPLY = Pattern.compile("(^|\\D)5\\d\\d[ -]");

    @Inject
    MailClient client;
    @Inject
    ReactiveMailer mailer;
    @Inject
    ForewarnConfig config;
    @ConfigProperty(name = "quarkus.mailer.mock")
    Optional<Boolean> mock;
    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    /** One email as Forewarn writes it: every header has a value, the body's language is always stated. */
    public record Outgoing(List<String> to, String subject, String text, String html, String language,
                           Map<String, String> headers) {
        public Outgoing {
            to = List.copyOf(to);
            headers = Map.copyOf(headers);
        }
    }

    /** One address of a notice and its own RFC 8058 one-click unsubscribe URL, or null without signed links. */
    public record Recipient(String address, String unsubscribeUrl) {
    }

    /**
     * Sends the notice as one email per address, so each carries the {@code List-Unsubscribe} of its own address
     * (RFC 8058 one-click: the receiving mail provider POSTs {@code List-Unsubscribe=One-Click} to it), marked with
     * its outbox id. The first address that fails decides the outcome; the rest are not tried this time.
     */
    public Uni<DeliveryResult> send(RenderedNotice notice, List<Recipient> to, long noticeId) {
        Uni<DeliveryResult> chain = Uni.createFrom().item(new DeliveryResult.Delivered());
        for (Recipient r : to) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Forewarn-Notice", Long.toString(noticeId));
            headers.put("Auto-Submitted", "auto-generated");
            if (r.unsubscribeUrl() != null) {
                headers.put("List-Unsubscribe", "<" + r.unsubscribeUrl() + ">");
                headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            Outgoing email = new Outgoing(List.of(r.address()), notice.subject(), notice.text(), notice.html(),
                    notice.language(), headers);
            chain = chain.chain(done -> done instanceof DeliveryResult.Delivered
                    ? send(email, config.notices().sendTimeout()) : Uni.createFrom().item(done));
        }
        return chain;
    }

    /** Sends one email within {@code timeout}; the outcome is a value, never a failure. */
    public Uni<DeliveryResult> send(Outgoing email, Duration timeout) {
        Uni<?> sent = mock.orElse(LaunchMode.current().isDevOrTest()) ? mailer.send(asMail(email))
                : client.sendMail(asMessage(email));
        return sent.ifNoItem().after(timeout).fail()
                .<DeliveryResult>map(ignored -> new DeliveryResult.Delivered())
                .onFailure().recoverWithItem(EmailSender::classify);
    }

    private MailMessage asMessage(Outgoing email) {
        // Cc and Bcc stay null: the mail encoder writes a header for every list that is not null, even an empty one.
        MailMessage message = new MailMessage().setFrom(from).setTo(email.to()).setSubject(email.subject())
                .setText(email.text()).setHtml(email.html());
        message.addHeader("Content-Language", email.language());
        email.headers().forEach(message::addHeader);
        return message;
    }

    private static Mail asMail(Outgoing email) {
        Mail mail = new Mail().setTo(email.to()).setSubject(email.subject()).setText(email.text())
                .setHtml(email.html()).addHeader("Content-Language", email.language());
        email.headers().forEach(mail::addHeader);
        return mail;
    }

    static DeliveryResult classify(Throwable failure) {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (failure.getMessage() != null && PERMANENT_REPLY.matcher(failure.getMessage()).find()) {
            return new DeliveryResult.Permanent(reason);
        }
        return new DeliveryResult.Retryable(reason);
    }
}
