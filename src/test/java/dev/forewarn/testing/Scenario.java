package dev.forewarn.testing;

import static io.restassured.RestAssured.given;

import com.icegreen.greenmail.util.GreenMail;
import dev.forewarn.notify.NoticeOutbox;
import dev.forewarn.probe.ProbePoller;
import dev.forewarn.probe.ProbeStore;
import dev.forewarn.quality.RegionJudge;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Drives the pipeline tick by tick on the test clock, the way the scheduler would. */
@ApplicationScoped
public class Scenario {
    public static final Duration TICK = Duration.ofSeconds(15);

    @Inject
    MutableClock clock;
    @Inject
    ProbePoller poller;
    @Inject
    ProbeStore store;
    @Inject
    RegionJudge judge;
    @Inject
    NoticeOutbox outbox;

    /** Wipes stored and in-memory state so each test starts from an empty fleet. */
    public void reset() {
        Db.wipe();
        store.clear();
        judge.forget();
    }

    /** One scheduler tick: poll every source, judge every region, drain the outbox. */
    public void tick() {
        tickWithoutSending();
        await(() -> outbox.drainAll());
    }

    /** One scheduler tick that polls and judges but leaves queued notices in the outbox. */
    public void tickWithoutSending() {
        clock.advance(TICK);
        await(() -> poller.pollAll());
        await(() -> judge.evaluateAll());
    }

    /** Polls every source once at the clock's current instant. */
    public void poll() {
        await(() -> poller.pollAll());
    }

    /** Judges every region at the clock's current instant and drains the outbox. */
    public void judge() {
        await(() -> judge.evaluateAll());
        await(() -> outbox.drainAll());
    }

    public void ticks(int n) {
        for (int i = 0; i < n; i++) {
            tick();
        }
    }

    /** Ticks for at least the given duration. */
    public void runFor(Duration d) {
        ticks((int) Math.ceil((double) d.toMillis() / TICK.toMillis()));
    }

    /** Forgets everything held in memory, as a restarted process would. */
    public void restart() {
        store.clear();
        judge.forget();
    }

    public static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Registers a customer through the REST API. */
    public static void customer(String id, String language, String zone, String... regions) {
        given().contentType("application/json")
                .body(Map.of("name", "Customer " + id, "emails", List.of(id + "@customers.example"),
                        "language", language, "timeZone", zone, "regions", List.of(regions)))
                .put("/api/customers/" + id)
                .then().statusCode(200);
    }

    /** The mails received so far, keyed by recipient, as subjects. */
    public static Map<String, List<String>> subjectsByRecipient(GreenMail smtp) {
        return Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(Scenario::recipient,
                Collectors.mapping(Scenario::subject, Collectors.toList())));
    }

    public static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
