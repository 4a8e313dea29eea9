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

    /** Background jobs (pollers, evaluator, outbox drain); tests switch them off and drive the work directly. */
    @Valid
    Jobs jobs();

    /** Evaluation settings. */
    interface Evaluation {
        /** How often every region is evaluated (duration, e.g. 15s). */
        @WithDefault("15s")
        Duration interval();

        /** Samples of a node older than this are ignored; a node with none is "not reporting" (duration). */
        @WithDefault("2m")
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
    interface Notices {
        /** Sender address of customer notices (email address). */
        @WithDefault("Forewarn <forewarn@localhost>")
        @NotBlank
        String from();

        /** After an all-clear, a new degradation of the same region within this time updates the same incident instead of sending a fresh warning (duration). */
        @WithDefault("30m")
        Duration coolDown();

        /** How often the outbox is drained (duration). */
        @WithDefault("2s")
        Duration sendInterval();

        /** How many notices one drain claims at most (count). */
        @WithDefault("200")
        @Min(1) @Max(10000)
        int batchSize();

        /** How many emails are handed to the SMTP server at once (count). */
        @WithDefault("8")
        @Min(1) @Max(256)
        int concurrency();

        /** Deadline of one hand-over to the SMTP server (duration). */
        @WithDefault("30s")
        Duration sendTimeout();

        /** A claimed notice not recorded within this time is claimed again (crash recovery) (duration). */
        @WithDefault("2m")
        Duration claimLease();

        /** First retry delay after a failed send; doubles on each attempt (duration). */
        @WithDefault("10s")
        Duration initialBackoff();

        /** Upper bound of the retry delay (duration). */
        @WithDefault("5m")
        Duration maxBackoff();

        /** A notice still not sent this long after it was queued is marked FAILED (duration). */
        @WithDefault("24h")
        Duration giveUpAfter();
    }

    /** Kinds of probe source. */
    enum SourceType {
        /** Prometheus blackbox exporter {@code /probe} endpoint, one call per node target. */
        BLACKBOX,
        /** Prometheus HTTP API instant queries, one per quantity. */
        PROMETHEUS,
        /** Forewarn JSON document polled from a URL. */
        JSON,
        /** Forewarn JSON pushed by agents to {@code POST /api/probes}; nothing is polled. */
        PUSH
    }

    /** One probe source. */
    interface Source {
        /** Kind of source: blackbox, prometheus, json or push. */
        SourceType type();

        /** Base URL: the exporter (blackbox), the Prometheus server (prometheus) or the document (json); unused for push. */
        Optional<String> url();

        /** How often this source is polled (duration). */
        @WithDefault("15s")
        Duration interval();

        /** Deadline of one HTTP call to this source (duration). */
        @WithDefault("5s")
        Duration timeout();

        /** Largest response body accepted; larger ones are rejected (bytes). */
        @WithDefault("1048576")
        @Min(1024)
        int maxBodyBytes();

        /** Blackbox only: the exporter module to use (e.g. icmp). */
        @WithDefault("icmp")
        String module();

        /** Blackbox only: how many node targets are probed at once (count). */
        @WithDefault("16")
        @Min(1) @Max(512)
        int concurrency();

        /** Prometheus only: the label that carries the region id. */
        @WithDefault("region")
        String regionLabel();

        /** Prometheus only: the label that carries the node id. */
        @WithDefault("instance")
        String nodeLabel();

        /** Prometheus only: PromQL per quantity; keys rtt (seconds), jitter (seconds), loss (ratio), up (0/1). */
        Map<String, String> queries();

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
    }

}
