package dev.forewarn.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one configuration root of Forewarn ({@code forewarn.*}); every key is documented here and in the README.
 */
@ConfigMapping(prefix = "forewarn")
@ConsistentConfiguration
public interface ForewarnConfig {

    /** Region quality evaluation: windows and hysteresis. */
    @Valid
    Evaluation evaluation();

    /** Default quality thresholds; each region may override any of them. */
    @Valid
    Thresholds thresholds();

    /** Customer notices: sender, cool-down, outbox delivery and retries. */
    @Valid
    Notices notices();

    /** Probe sources by name; regions refer to them. */
    Map<String, @Valid Source> sources();

    /** Regions by id. */
    Map<String, @Valid Region> regions();

    /** Customers imported at start-up. */
    @Valid
    Customers customers();

    /** The built-in demo fleet, for trying Forewarn without any infrastructure. */
    @Valid
    Demo demo();

    /** Who may call the REST API. */
    @Valid
    Security security();

    /** Background jobs (pollers, evaluator, outbox drain); tests switch them off and drive the work directly. */
    @Valid
    Jobs jobs();

    /** Reaching PostgreSQL at start-up: how a refused replica retries. */
    Database database();

    /** Ticket sources, SLA plans and the SLA watch tick. */
    @Valid
    Tickets tickets();

    /** On-call schedules per tier and team, and how to reach each person. */
    @Valid
    OnCall oncall();

    /** When pages escalate to the next tier. */
    @Valid
    Escalation escalation();

    /** Pager channels and which tier/team pages go where. */
    @Valid
    Paging paging();

    /** Customer status pages and maintenance notices. */
    @Valid
    Status status();

    /** Status pages and maintenance notices. */
    interface Status {
        /** Serve {@code /status/public}: every region's state and planned maintenance, without a link (boolean). */
        @WithDefault("false")
        boolean publicPage();

        /** Advance notices of a maintenance window go out this long before it starts (durations, e.g. 24h,1h). */
        @WithDefault("24h,1h")
        java.util.List<Duration> maintenanceLeadTimes();

        /** An end-of-maintenance notice is still sent this long after the window ended, e.g. after a restart (duration). */
        @WithDefault("1h")
        Duration maintenanceEndGrace();

        /** How often due maintenance notices are queued (duration). */
        @WithDefault("30s")
        Duration maintenanceInterval();
    }

    /** Evaluation settings. */
    interface Evaluation {
        /** Every region is judged right after each probe poll and at least this often: the tick notices stale data and judges pushed probes (duration, e.g. 15s). */
        @WithDefault("15s")
        Duration interval();

        /**
         * Samples of a node older than this are ignored; a node with none is "not reporting" (duration). Must be
         * shorter than sustained-window, so one bad sample can never fill a whole sustained run.
         */
        @WithDefault("1m")
        Duration sampleWindow();

        /** How long a region must stay worse before it is judged worse (duration). */
        @WithDefault("2m")
        Duration sustainedWindow();

        /** How long a region must stay better before it is judged recovered (duration). */
        @WithDefault("5m")
        Duration recoveryWindow();

        /** Codec and jitter-buffer delay added to the effective latency in the E-model (duration, e.g. 10ms). */
        @WithDefault("10ms")
        Duration codecDelay();
    }

    /** Quality thresholds; see {@code QualityThresholds} for their meaning. */
    interface Thresholds {
        /** Median node MOS below this: DEGRADED (MOS, 1..5). */
        @WithDefault("3.6")
        @DecimalMin("1.0") @DecimalMax("5.0")
        double degradedMedianMos();

        /** Worst-decile node MOS below this: DEGRADED (MOS, 1..5). */
        @WithDefault("3.1")
        @DecimalMin("1.0") @DecimalMax("5.0")
        double degradedWorstDecileMos();

        /** Median node MOS below this: OUTAGE (MOS, 1..5). */
        @WithDefault("2.6")
        @DecimalMin("1.0") @DecimalMax("5.0")
        double outageMedianMos();

        /** Share of reporting nodes unreachable at or above this: DEGRADED (ratio, 0..1). */
        @WithDefault("0.2")
        @DecimalMin("0.0") @DecimalMax("1.0")
        double degradedUnreachableShare();

        /** Share of reporting nodes unreachable at or above this: OUTAGE (ratio, 0..1). */
        @WithDefault("0.5")
        @DecimalMin("0.0") @DecimalMax("1.0")
        double outageUnreachableShare();

        /** Below this share of nodes reporting fresh data a region is UNKNOWN (ratio, 0..1). */
        @WithDefault("0.5")
        @DecimalMin("0.0") @DecimalMax("1.0")
        double minReportingShare();
    }

    /** Per-region overrides of the default thresholds; absent keys keep the default. */
    interface ThresholdOverrides {
        /** See {@link Thresholds#degradedMedianMos()} (MOS). */
        OptionalDouble degradedMedianMos();

        /** See {@link Thresholds#degradedWorstDecileMos()} (MOS). */
        OptionalDouble degradedWorstDecileMos();

        /** See {@link Thresholds#outageMedianMos()} (MOS). */
        OptionalDouble outageMedianMos();

        /** See {@link Thresholds#degradedUnreachableShare()} (ratio). */
        OptionalDouble degradedUnreachableShare();

        /** See {@link Thresholds#outageUnreachableShare()} (ratio). */
        OptionalDouble outageUnreachableShare();

        /** See {@link Thresholds#minReportingShare()} (ratio). */
        OptionalDouble minReportingShare();
    }

    /** Notice settings. */
    interface Notices extends Outbox {
        /** Sender address of customer notices (email address). */
        @WithDefault("Forewarn <forewarn@localhost>")
        @NotBlank
        String from();

        /** After an all-clear, a new degradation of the same region within this time updates the same incident instead of sending a fresh warning (duration). */
        @WithDefault("30m")
        Duration coolDown();

        /** Deadline of one hand-over to the SMTP server (duration). */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    /**
     * What every outbox shares ({@code forewarn.notices.*}, {@code forewarn.paging.*}): how it drains, claims and
     * retries. The defaults are those of notices; {@code application.yaml} gives paging its own.
     */
    interface Outbox {
        /** How often the outbox is drained (duration). */
        @WithDefault("2s")
        Duration sendInterval();

        /** One scheduled drain keeps claiming batches while they come back full, for at most this long; the rest waits for the next run (duration). */
        @WithDefault("20s")
        Duration drainBudget();

        /** How many messages one claim takes at most (count). */
        @WithDefault("200")
        @Min(1) @Max(10000)
        int batchSize();

        /** How many messages are being sent at once per replica; also the most a crash can repeat (count). */
        @WithDefault("16")
        @Min(1) @Max(256)
        int concurrency();

        /** A claimed message not recorded within this time is claimed again (crash recovery) (duration). */
        @WithDefault("2m")
        Duration claimLease();

        /** First retry delay after a failed send; doubles on each attempt (duration). */
        @WithDefault("10s")
        Duration initialBackoff();

        /** Upper bound of the retry delay (duration). */
        @WithDefault("5m")
        Duration maxBackoff();

        /** A message still not sent this long after it was queued is marked FAILED (duration). */
        @WithDefault("24h")
        Duration giveUpAfter();
    }

    /**
     * What every probe source has; each type reads its own keys under the same name through the settings of its
     * sub-package of {@code dev.forewarn.probe} (blackbox, prometheus, json, push).
     */
    interface Source {
        /** Kind of source: blackbox, prometheus, json or push (the sub-package of dev.forewarn.probe that serves it). */
        String type();

        /** How often this source is polled; unused for push (duration). */
        @WithDefault("15s")
        Duration interval();

        /** Deadline of one HTTP call to this source (duration). */
        @WithDefault("5s")
        Duration timeout();

        /** Largest response body accepted; larger ones are rejected (bytes). */
        @WithDefault("1048576")
        @Min(1024)
        int maxBodyBytes();

        /** Extra HTTP headers sent to the source, e.g. Authorization. */
        Map<String, String> headers();
    }

    /** One region. */
    interface Region {
        /** Name shown to customers, e.g. "Frankfurt". */
        @NotBlank
        String displayName();

        /** Name of the probe source that feeds this region. */
        @NotBlank
        String source();

        /** Node id to probe target (host, IP or URL the blackbox exporter probes; ignored by other source types). */
        @NotEmpty
        Map<String, String> nodes();

        /** Threshold overrides for this region. */
        ThresholdOverrides thresholds();
    }

    /** Customer import. */
    interface Customers {
        /** JSON file of customers upserted at start-up (path); see the README for the format. */
        Optional<String> importFile();
    }

    /** Demo mode. */
    interface Demo {
        /** Serve a simulated fleet and customers from this process and watch it (boolean). */
        @WithDefault("false")
        boolean enabled();

        /** Length of the demo's healthy → degraded → outage → recovered cycle (duration). */
        @WithDefault("4m")
        Duration cycle();
    }

    /** Background jobs. */
    interface Jobs {
        /** Run pollers, evaluation and the outbox drain on their intervals (boolean). */
        @WithDefault("true")
        boolean enabled();

        /**
         * On SIGTERM, how long to wait for jobs and HTTP requests in flight before the database pools close
         * (duration); the pod's termination grace period must be longer.
         */
        @WithDefault("30s")
        Duration shutdownGrace();
    }

    /**
     * Start-up against a PostgreSQL that refuses (down, or out of connections): the replica stays up, not ready,
     * and retries the migration and the customer import with capped exponential backoff (README "Reliability").
     */
    interface Database {
        /** The wait after the first refused attempt, doubled after each further one (duration). */
        @WithDefault("1s")
        Duration initialBackoff();

        /** The longest wait between two attempts (duration). */
        @WithDefault("30s")
        Duration maxBackoff();

        /** Exit non-zero when still refused this long after the first attempt (duration); unset: never give up. */
        Optional<Duration> giveUpAfter();
    }

    /** API authentication settings. */
    interface Security {
        /** Require an API key on /api (boolean); only the demo turns this off. */
        @WithDefault("true")
        boolean enabled();

        /** API keys by name (the name is what the audit trail shows). */
        Map<String, @Valid ApiKey> apiKeys();

        /** Secret that signs the acknowledge links in pages and the status and unsubscribe links in notices (at least 32 characters; from a Secret). Without it notices carry no such links. */
        Optional<String> linkSecret();

        /** How long an acknowledge link in a page stays valid (duration). */
        @WithDefault("24h")
        Duration linkValidity();

        /** A client address with more failed API authentications than this within auth-failure-window is answered 429 until the window is over (count). */
        @WithDefault("20")
        @Min(1) @Max(100000)
        int maxAuthFailures();

        /** The window over which failed authentications of one client address are counted (duration). */
        @WithDefault("1m")
        Duration authFailureWindow();
    }

    /** One API key. */
    interface ApiKey {
        /** The key itself (from a Secret, e.g. ${FOREWARN_API_KEY_OPS}); at least 24 characters; never logged. */
        String key();

        /** viewer (read), operator (acknowledge, resolve, overrides, maintenance, probe pushes) or admin (everything). */
        String role();
    }

    /** Ticket settings. */
    interface Tickets {
        /** How often every open ticket's SLA clocks and escalations are evaluated (duration). */
        @WithDefault("30s")
        Duration evaluationInterval();

        /** Ticket sources by name. */
        Map<String, @Valid TicketSource> sources();

        /** SLA plans by name; a plan named "default" applies to customers without one. */
        Map<String, @Valid Plan> plans();

        /** Customer id to plan name. */
        Map<String, String> customerPlans();
    }

    /**
     * What every ticket source has; each type reads its own keys under the same name through the settings of
     * its sub-package of {@code dev.forewarn.ticket} (zendesk, json, webhook).
     */
    interface TicketSource {
        /** Kind of source: zendesk, json or webhook (the sub-package of dev.forewarn.ticket that serves it). */
        String type();

        /** How often the source is polled; unused by pushed sources (duration). */
        @WithDefault("60s")
        Duration interval();

        /** Deadline of one HTTP call (duration). */
        @WithDefault("10s")
        Duration timeout();

        /** Largest response body accepted (bytes). */
        @WithDefault("8388608")
        @Min(1024)
        int maxBodyBytes();
    }

    /** One SLA plan. */
    interface Plan {
        /** 24x7 or business-hours; absent: business-hours when week, open or close is given, else 24x7. */
        Optional<String> calendar();

        /** business-hours: the time zone of the opening hours (IANA id). */
        @WithDefault("UTC")
        String zone();

        /**
         * business-hours: opening hours per day, e.g. mon-fri: ["09:00-12:00", "13:00-18:00"], sat: ["10:00-14:00"]
         * (HH:MM-HH:MM ranges; one ending before it starts runs overnight); replaces open and close.
         */
        Map<String, java.util.List<String>> week();

        /** business-hours without week: opening time Monday to Friday (HH:MM, default 09:00). */
        Optional<String> open();

        /** business-hours without week: closing time Monday to Friday (HH:MM, default 18:00). */
        Optional<String> close();

        /** business-hours: holidays, closed 00:00-24:00 local, as ISO dates with an optional name ("2026-12-25 Christmas Day"). */
        Optional<java.util.List<String>> holidays();

        /** Targets per severity (urgent, important, general); absent ones keep the brief's defaults. */
        Map<String, @Valid Target> targets();

        /** Statuses that pause the clock (waiting on the customer); default pending and hold. */
        Optional<java.util.List<String>> pausingStatuses();
    }

    /** SLA targets of one severity. */
    interface Target {
        /** Time to the first public reply (duration). */
        Optional<Duration> firstResponse();

        /** Time to resolution or workaround (duration). */
        Optional<Duration> resolution();
    }

    /** On-call settings. */
    interface OnCall {
        /** Schedules, one per tier and team; team "default" serves teams without their own. */
        java.util.List<@Valid ScheduleConfig> schedules();

        /** Person to contact details. */
        Map<String, @Valid Person> people();
    }

    /** One schedule. */
    interface ScheduleConfig {
        /** L1, L2 or L3. */
        String tier();

        /** Team (industry or technical group) this schedule serves. */
        @WithDefault("default")
        String team();

        /** Layers in precedence order: the first whose hours cover an instant answers. */
        java.util.List<@Valid LayerConfig> layers();
    }

    /** One rotation layer. */
    interface LayerConfig {
        /** Layer name, e.g. apac. */
        String name();

        /** Participants in rotation order. */
        java.util.List<String> participants();

        /** Shift length (duration, e.g. 7d or 12h). */
        @WithDefault("7d")
        Duration shift();

        /** First hand-off as a local date-time in the layer's zone (e.g. 2026-01-05T09:00). */
        String firstHandoff();

        /** Time zone of hand-offs and hours (IANA id). */
        @WithDefault("UTC")
        String zone();

        /** Hours of every day this layer covers, e.g. 08:00-16:00; absent (and no week) = all day. */
        Optional<String> hours();

        /**
         * Hours per weekday this layer covers in its zone, e.g. mon-fri: ["09:00-17:00"]; instead of hours (a layer
         * gives one or the other).
         */
        Map<String, java.util.List<String>> week();

        /** local-time (hand-offs stay at the same wall-clock time across DST) or elapsed-time (every shift lasts exactly shift). */
        @WithDefault("local-time")
        String handoffs();
    }

    /** How to reach one person. */
    interface Person {
        /** Email address for the email channel. */
        Optional<String> email();
    }

    /** Escalation settings. */
    interface Escalation {
        /** Time to acknowledge before the next tier is paged, per tier (L1, L2, L3) (duration). */
        Map<String, Duration> ackTimeout();

        /**
         * Warning stages of every deadline, in the order they fall due; absent = L1 at 50 %, L2 at 75 %, L3 at 90 %
         * and L3 again at 100 % (breach).
         */
        Optional<java.util.List<@Valid StageConfig>> stages();
    }

    /** One warning stage: a share of the target elapsed or a fixed lead time before the breach. */
    interface StageConfig {
        /** Stage name, shown in pages and metrics (e.g. half, imminent). */
        String name();

        /** Tier paged at this stage (L1, L2, L3). */
        String tier();

        /** Share of the target elapsed, e.g. 0.5 (ratio); give this or lead-time. */
        OptionalDouble share();

        /** Business time before the breach, e.g. 30m (duration); give this or share. */
        Optional<Duration> leadTime();
    }

    /** Kinds of pager channel. */
    enum ChannelType {
        /** PagerDuty Events API v2. */
        PAGERDUTY("routing-key"),
        /** Prometheus Alertmanager API v2. */
        ALERTMANAGER("url"),
        /** Generic JSON webhook, HMAC-signed. */
        WEBHOOK("url", "secret"),
        /** Slack-compatible incoming webhook. */
        SLACK("url"),
        /** Email to the on-call person's address. */
        EMAIL;

        private final java.util.List<String> requires;

        ChannelType(String... requires) {
            this.requires = java.util.List.of(requires);
        }

        /** The channel keys this type cannot work without, checked at start-up. */
        public java.util.List<String> requires() {
            return requires;
        }
    }

    /** Paging settings. */
    interface Paging extends Outbox {
        /** Channels by name. */
        Map<String, @Valid Channel> channels();

        /** Routes: the first route matching a page's tier and team names its channels. */
        java.util.List<@Valid PageRoute> routes();

        /** Public base URL of Forewarn, used for acknowledge links in pages and the status, preferences and unsubscribe links in customer notices (URL). */
        @WithDefault("http://localhost:8080")
        String publicUrl();

        /** Secret of PagerDuty's v3 webhook signature, to apply acknowledgements made in PagerDuty. */
        Optional<String> pagerdutyWebhookSecret();
    }

    /** One pager channel. */
    interface Channel {
        /** pagerduty, alertmanager, webhook, slack or email. */
        ChannelType type();

        /** Endpoint: Events API URL, Alertmanager base URL, webhook URL or Slack webhook URL. */
        Optional<String> url();

        /** PagerDuty: integration routing key (from a Secret). */
        Optional<String> routingKey();

        /** Webhook: HMAC secret (from a Secret). */
        Optional<String> secret();

        /** Alertmanager: how long a triggered alert stays firing without being re-sent (duration). */
        @WithDefault("1h")
        Duration firingHorizon();

        /** Deadline of one delivery (duration). */
        @WithDefault("10s")
        Duration timeout();
    }

    /** One paging route. */
    interface PageRoute {
        /** Tier this route applies to (L1, L2, L3); absent = every tier. */
        Optional<String> tier();

        /** Team this route applies to; absent = every team. */
        Optional<String> team();

        /** Channel names. */
        java.util.List<String> channels();
    }
}
