package dev.forewarn.notify.email;

import dev.forewarn.maintenance.model.MaintenanceSchedule;
import dev.forewarn.quality.model.RegionState;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Renders {@link NoticeFacts} into a customer email from the Qute templates under {@code templates/notices/}. */
public final class NoticeRenderer {

    static final String ENGLISH = "en";
    static final String SIMPLIFIED_CHINESE = "zh-CN";

    private static final DateTimeFormatter EN_TIME =
            DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_TIME =
            DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
    // "xxx" prints +00:00 for UTC, where ZoneOffset.getId() would print "Z".
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

    private final Engine engine;

    public NoticeRenderer(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Renders the notice in the customer's language: {@code en} or Simplified Chinese; any other language falls back
     * to {@code en}.
     *
     * <p>Tags are matched leniently: {@code zh-CN}, {@code zh_CN}, {@code zh}, {@code zh-Hans}, {@code zh-SG} (any
     * case) select {@code zh-CN}; Traditional Chinese, every other tag and {@code null} select {@code en}. Templates
     * receive only pre-formatted Strings and booleans as top-level data, so they need no reflection.
     *
     * @throws IllegalStateException when the engine has no template for the kind and language, naming its id
     */
    public RenderedNotice render(NoticeFacts facts) {
        return render(facts, NoticeLinks.NONE);
    }

    /** As {@link #render(NoticeFacts)}, with the customer's status and preferences links in the footer. */
    public RenderedNotice render(NoticeFacts facts, NoticeLinks links) {
        String language = supportedLanguage(facts.language());
        Map<String, Object> data = templateData(facts, language);
        return renderAll("notices/" + facts.kind().slug() + "." + language, language, withLinks(data, links));
    }

    /** Renders a maintenance notice in the customer's language and zone. */
    public RenderedNotice render(MaintenanceFacts facts, NoticeLinks links) {
        String language = supportedLanguage(facts.language());
        boolean chinese = language.equals(SIMPLIFIED_CHINESE);
        Map<String, Object> data = new HashMap<>();
        data.put("customerName", facts.customerName());
        data.put("regionId", facts.regionId());
        data.put("regionName", facts.regionName());
        data.put("maintenanceId", Long.toString(facts.maintenanceId()));
        data.put("step", facts.step().getClass().getSimpleName().toLowerCase(Locale.ROOT));
        data.put("startLocal", localTime(facts.start(), facts.zone(), chinese));
        data.put("endLocal", localTime(facts.end(), facts.zone(), chinese));
        data.put("lasts", duration(Duration.between(facts.start(), facts.end()), chinese));
        data.put("recurrence", facts.weekly() == null ? "" : recurrence(facts.weekly(), chinese));
        data.put("reason", facts.reason());
        return renderAll("notices/maintenance." + language, language, withLinks(data, links));
    }

    /** A weekly window in plain words, e.g. "every Sunday 02:00–04:00 (Europe/Berlin)". */
    public static String recurrence(MaintenanceSchedule.Weekly w, String language) {
        return recurrence(w, supportedLanguage(language).equals(SIMPLIFIED_CHINESE));
    }

    private static String recurrence(MaintenanceSchedule.Weekly w, boolean chinese) {
        String hours = w.start() + "–" + w.end();
        return chinese
                ? "每" + w.day().getDisplayName(TextStyle.FULL, Locale.SIMPLIFIED_CHINESE).replace("星期", "周") + " "
                        + hours + "（" + w.zone().getId() + "）"
                : "every " + w.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + hours + " ("
                        + w.zone().getId() + ")";
    }

    private static Map<String, Object> withLinks(Map<String, Object> data, NoticeLinks links) {
        data.put("statusUrl", links.statusUrl());
        data.put("preferencesUrl", links.preferencesUrl());
        return data;
    }

    private RenderedNotice renderAll(String base, String language, Map<String, Object> data) {
        // Mail headers are one line; templates end with a newline and may wrap for readability.
        String subject = render(base + ".subject.txt", data).strip().replaceAll("\\s+", " ");
        return new RenderedNotice(subject, render(base + ".txt", data), render(base + ".html", data), language);
    }

    /** The template language for a customer's language tag: {@code zh-CN} for Simplified Chinese, else {@code en}. */
    public static String supportedLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return ENGLISH;
        }
        Locale locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        boolean chinese = locale.getLanguage().equals("zh");
        boolean simplifiedScript = locale.getScript().isEmpty() || locale.getScript().equals("Hans");
        // zh-TW / zh-HK readers expect Traditional characters we do not have, so they get English.
        boolean simplifiedRegion = locale.getCountry().isEmpty() || locale.getCountry().equals("CN")
                || locale.getCountry().equals("SG");
        return chinese && simplifiedScript && simplifiedRegion ? SIMPLIFIED_CHINESE : ENGLISH;
    }

    private String render(String id, Map<String, Object> data) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("Missing notice template " + id);
        }
        return template.data(data).render();
    }

    private static Map<String, Object> templateData(NoticeFacts f, String language) {
        boolean chinese = language.equals(SIMPLIFIED_CHINESE);
        Map<String, Object> data = new HashMap<>();
        data.put("customerName", f.customerName());
        data.put("regionId", f.regionId());
        data.put("regionName", f.regionName());
        data.put("incidentId", Long.toString(f.incidentId()));
        data.put("outage", f.state() == RegionState.OUTAGE);
        data.put("recurrence", f.recurrence());
        data.put("worsened", f.previousState() != null && f.state().isWorseThan(f.previousState()));
        data.put("previousState", f.previousState() == null ? "" : f.previousState().name().toLowerCase(Locale.ROOT));
        data.put("sinceLocal", localTime(f.since(), f.zone(), chinese));
        data.put("atLocal", localTime(f.at(), f.zone(), chinese));
        data.put("resolvedAtLocal", f.resolvedAt() == null ? "" : localTime(f.resolvedAt(), f.zone(), chinese));
        data.put("lasted", f.resolvedAt() == null ? "" : duration(Duration.between(f.since(), f.resolvedAt()), chinese));
        // Absent figures become "" (falsy in Qute) so templates skip them; strict rendering needs every key present.
        data.put("medianMos", number(f.medianMos(), 1, "%.2f"));
        data.put("worstDecileMos", number(f.worstDecileMos(), 1, "%.2f"));
        data.put("p95RttMs", number(f.p95RttMs(), 1, "%.0f"));
        data.put("medianJitterMs", number(f.medianJitterMs(), 1, "%.0f"));
        data.put("lossPercent", number(f.lossRatio(), 100, "%.1f"));
        data.put("hasNodes", f.nodesExpected() > 0);
        data.put("nodesUnreachable", Integer.toString(f.nodesUnreachable()));
        data.put("nodesExpected", Integer.toString(f.nodesExpected()));
        data.put("unreachablePercent", String.format(Locale.ROOT, "%.0f", f.unreachableShare() * 100));
        // MOS, RTT, jitter and loss are over the nodes that answered: with some unreachable, the notice says so
        // before the figures, so "median MOS 4.40" never reads as the quality of the whole region.
        int reachable = reachableNodes(f);
        data.put("someUnreachable", f.nodesUnreachable() > 0 && reachable > 0);
        data.put("noneReachable", f.nodesUnreachable() > 0 && reachable == 0);
        data.put("reachableNodes", Integer.toString(Math.max(reachable, 0)));
        return data;
    }

    /** Nodes that reported and answered: the share is over reporting nodes, so reporting = unreachable / share. */
    private static int reachableNodes(NoticeFacts f) {
        if (f.nodesUnreachable() == 0 || !(f.unreachableShare() > 0)) {
            return -1;
        }
        return (int) Math.round(f.nodesUnreachable() / f.unreachableShare()) - f.nodesUnreachable();
    }

    /** An instant as notices and status pages show it: in the zone, with the zone and its offset, in the language. */
    public static String localTime(Instant instant, ZoneId zone, String language) {
        return localTime(instant, zone, supportedLanguage(language).equals(SIMPLIFIED_CHINESE));
    }

    private static String localTime(Instant instant, ZoneId zone, boolean chinese) {
        var local = instant.atZone(zone);
        String offset = "UTC" + OFFSET.format(local);
        return chinese
                ? ZH_TIME.format(local) + "（" + zone.getId() + "，" + offset + "）"
                : EN_TIME.format(local) + " (" + zone.getId() + ", " + offset + ")";
    }

    private static String duration(Duration d, boolean chinese) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (minutes == 0) {
            return chinese ? "不到1分钟" : "less than a minute";
        }
        StringBuilder out = new StringBuilder();
        if (days > 0) {
            out.append(chinese ? days + "天" : days + (days == 1 ? " day " : " days "));
        }
        if (hours > 0) {
            out.append(chinese ? hours + "小时" : hours + " h ");
        }
        if (mins > 0) {
            out.append(chinese ? mins + "分钟" : mins + " min");
        }
        return out.toString().strip();
    }

    private static String number(Double value, double scale, String format) {
        return value == null ? "" : String.format(Locale.ROOT, format, value * scale);
    }
}
