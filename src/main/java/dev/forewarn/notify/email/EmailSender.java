package dev.forewarn.notify.email;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.DeliveryResult;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/** Hands rendered notices to the SMTP server through quarkus-mailer and classifies the outcome. */
@ApplicationScoped
public class EmailSender {
    // SMTP 5xx replies are permanent by RFC 5321; everything else (4xx, connection trouble) may pass later.
    private static final Pattern PERMANENT_REPLY = Pattern.compile("(^|\\D)5\\d\\d[ -]");

    @Inject
    ReactiveMailer mailer;
    @Inject
    ForewarnConfig config;

    /** One address of a notice and its own RFC 8058 one-click unsubscribe URL, or null without signed links. */
    public record Recipient(String address, String unsubscribeUrl) {
    }

    /**
     * Sends the notice as one email per address, so each carries the {@code List-Unsubscribe} of its own address
     * (RFC 8058 one-click: the receiving mail provider POSTs {@code List-Unsubscribe=One-Click} to it).
     */
    public Uni<DeliveryResult> send(RenderedNotice notice, List<Recipient> to, long noticeId) {
        Mail[] mails = to.stream().map(r -> {
            Mail mail = Mail.withHtml(r.address(), notice.subject(), notice.html())
                    .setText(notice.text())
                    .addHeader("X-Forewarn-Notice", Long.toString(noticeId))
                    .addHeader("Auto-Submitted", "auto-generated");
            if (r.unsubscribeUrl() != null) {
                mail.addHeader("List-Unsubscribe", "<" + r.unsubscribeUrl() + ">")
                        .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            return mail;
        }).toArray(Mail[]::new);
        return mailer.send(mails)
                .ifNoItem().after(config.notices().sendTimeout()).fail()
                .<DeliveryResult>map(ignored -> new DeliveryResult.Delivered())
                .onFailure().recoverWithItem(EmailSender::classify);
    }

    static DeliveryResult classify(Throwable failure) {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (failure.getMessage() != null && PERMANENT_REPLY.matcher(failure.getMessage()).find()) {
            return new DeliveryResult.Permanent(reason);
        }
        return new DeliveryResult.Retryable(reason);
    }
}
