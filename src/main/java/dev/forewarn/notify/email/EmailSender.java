package dev.forewarn.notify.email;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.model.DeliveryResult;
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

    public Uni<DeliveryResult> send(RenderedNotice notice, List<String> to, long noticeId) {
        Mail mail = Mail.withHtml(to.get(0), notice.subject(), notice.html())
                .setText(notice.text())
                .setTo(List.copyOf(to))
                .addHeader("X-Forewarn-Notice", Long.toString(noticeId))
                .addHeader("Auto-Submitted", "auto-generated");
        return mailer.send(mail)
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
