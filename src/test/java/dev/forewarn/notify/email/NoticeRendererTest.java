package dev.forewarn.notify.email;

import dev.forewarn.incident.model.NoticeKind;
import dev.forewarn.quality.model.RegionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

import static dev.forewarn.incident.model.NoticeKind.ALL_CLEAR;
import static dev.forewarn.incident.model.NoticeKind.UPDATE;
import static dev.forewarn.incident.model.NoticeKind.WARNING;
import static dev.forewarn.quality.model.RegionState.DEGRADED;
import static dev.forewarn.quality.model.RegionState.HEALTHY;
import static dev.forewarn.quality.model.RegionState.OUTAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeRendererTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Instant WINTER = Instant.parse("2026-11-22T14:05:00Z");

    private final NoticeRenderer renderer = new NoticeRenderer(NoticeEngines.classpath());

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # winter in a DST zone: CET, +01:00
            WARNING   | en    | Europe/Berlin    | 2026-11-22T14:05:00Z | 22 Nov 2026, 15:05 (Europe/Berlin, UTC+01:00)      | Forewarn incident #42 | 3 of 12
            # no DST in China: always +08:00
            WARNING   | zh-CN | Asia/Shanghai    | 2026-11-22T14:05:00Z | 2026年11月22日 22:05（Asia/Shanghai，UTC+08:00）  | Forewarn 事件 #42     | 共 12 个节点，其中 3 个
            # summer in a DST zone: CEST, +02:00
            UPDATE    | en    | Europe/Berlin    | 2026-07-14T08:30:00Z | 14 Jul 2026, 10:30 (Europe/Berlin, UTC+02:00)      | Forewarn incident #42 | 3 of 12
            # the same summer instant for a customer in Shanghai
            UPDATE    | zh-CN | Asia/Shanghai    | 2026-07-14T08:30:00Z | 2026年7月14日 16:30（Asia/Shanghai，UTC+08:00）   | Forewarn 事件 #42     | 共 12 个节点，其中 3 个
            # negative offset, winter time in New York
            ALL_CLEAR | en    | America/New_York | 2026-11-22T14:05:00Z | 22 Nov 2026, 09:05 (America/New_York, UTC-05:00)   | Forewarn incident #42 | 3 of 12
            # local date rolls over to the next day in Shanghai
            ALL_CLEAR | zh-CN | Asia/Shanghai    | 2026-11-22T18:40:00Z | 2026年11月23日 02:40（Asia/Shanghai，UTC+08:00）  | Forewarn 事件 #42     | 共 12 个节点，其中 3 个
            # UTC customers get +00:00, not a bare Z
            WARNING   | en    | UTC              | 2026-11-22T14:05:00Z | 22 Nov 2026, 14:05 (UTC, UTC+00:00)                | Forewarn incident #42 | 3 of 12
            """)
    void noticeNamesRegionLocalTimeFiguresAndIncident(NoticeKind kind, String language, ZoneId zone, Instant since,
                                                      String sinceLocal, String incidentRef, String nodes) {
        RenderedNotice notice = renderer.render(facts(kind, language, zone, since).build());

        assertThat(notice.subject()).contains("Frankfurt", "eu-central-1", "#42").doesNotContain("\n");
        for (String body : new String[] {notice.text(), notice.html()}) {
            assertThat(body).contains("Frankfurt", "eu-central-1", sinceLocal, incidentRef,
                    "2.87", "1.90", "412", "38", "4.2%", nodes);
        }
        boolean chinese = language.equals("zh-CN");
        for (String part : new String[] {notice.subject(), notice.text(), notice.html()}) {
            assertThat(HAN.matcher(part).find()).as("Chinese characters in %s", part).isEqualTo(chinese);
        }
        assertThat(notice.text()).contains(chinese ? "自动发送" : "automated advance notice");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # a plain two-hour incident
            en    | Europe/Berlin | 2026-11-22T14:05:00Z | 2026-11-22T16:20:00Z | 22 Nov 2026, 17:20 (Europe/Berlin, UTC+01:00)     | 2 h 15 min
            # clocks went back during the incident: duration counts real time, offsets differ
            en    | Europe/Berlin | 2026-10-25T00:30:00Z | 2026-10-25T01:45:00Z | 25 Oct 2026, 02:45 (Europe/Berlin, UTC+01:00)     | 1 h 15 min
            # more than a day
            en    | Europe/Berlin | 2026-11-22T14:05:00Z | 2026-11-23T15:05:00Z | 23 Nov 2026, 16:05 (Europe/Berlin, UTC+01:00)     | 1 day 1 h
            # Chinese duration units
            zh-CN | Asia/Shanghai | 2026-11-22T14:05:00Z | 2026-11-22T16:20:00Z | 2026年11月23日 00:20（Asia/Shanghai，UTC+08:00） | 2小时15分钟
            # a blip that resolved within the minute
            zh-CN | Asia/Shanghai | 2026-11-22T14:05:00Z | 2026-11-22T14:05:40Z | 2026年11月22日 22:05（Asia/Shanghai，UTC+08:00） | 不到1分钟
            """)
    void allClearGivesResolutionTimeAndDuration(String language, ZoneId zone, Instant since, Instant resolvedAt,
                                                String resolvedLocal, String lasted) {
        RenderedNotice notice = renderer.render(
                facts(ALL_CLEAR, language, zone, since).state(HEALTHY).resolvedAt(resolvedAt).build());

        for (String body : new String[] {notice.text(), notice.html()}) {
            assertThat(body).contains(resolvedLocal, lasted, language.equals("en") ? "No action is needed" : "无需采取任何操作");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # worsened: degraded to outage
            en    | DEGRADED | OUTAGE   | false | from degraded quality to outage      | [Update] Network outage in
            # improved but not recovered
            en    | OUTAGE   | DEGRADED | false | has not fully recovered yet          | Network quality improving in
            # degraded again within the cool-down after an all-clear
            en    | HEALTHY  | DEGRADED | true  | degraded again                       | Network quality degraded again in
            # worsened, in Chinese
            zh-CN | DEGRADED | OUTAGE   | false | 由网络质量下降变为网络中断           | 网络质量恶化，已出现中断
            # improved, in Chinese
            zh-CN | OUTAGE   | DEGRADED | false | 但尚未完全恢复                       | 网络质量有所好转
            # recurrence, in Chinese
            zh-CN | HEALTHY  | OUTAGE   | true  | 再次出现网络中断                     | 网络质量再次下降
            """)
    void updateSaysWhatChanged(String language, RegionState previous, RegionState state, boolean recurrence,
                               String change, String subjectPhrase) {
        RenderedNotice notice = renderer.render(facts(UPDATE, language, ZoneId.of("Asia/Shanghai"), WINTER)
                .previous(previous).state(state).recurrence(recurrence).build());

        assertThat(notice.subject()).contains(subjectPhrase);
        assertThat(notice.text()).contains(change);
        assertThat(notice.html()).contains(change);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # degraded: audio and video suffer but calls connect
            WARNING | en    | DEGRADED | robotic-sounding audio | talk over each other | another region | in-app notice | network-quality callbacks | audio-only
            # outage: calls may not connect at all
            WARNING | en    | OUTAGE   | fail to connect or drop | frozen video        | another region | in-app notice | network-quality callbacks | audio-only
            # degraded, in Chinese
            UPDATE  | zh-CN | DEGRADED | 机器人音               | 互相打断             | 其他区域       | 应用内显示提示 | 网络质量回调              | 纯音频
            # outage, in Chinese
            UPDATE  | zh-CN | OUTAGE   | 无法接通               | 中途掉线             | 其他区域       | 应用内显示提示 | 网络质量回调              | 纯音频
            """)
    void impactAndAdviceFollowTheState(NoticeKind kind, String language, RegionState state,
                                       String impact1, String impact2, String reroute, String warnUsers,
                                       String callbacks, String audioOnly) {
        RenderedNotice notice = renderer.render(facts(kind, language, ZoneId.of("Europe/Berlin"), WINTER)
                .state(state).previous(state == OUTAGE ? DEGRADED : OUTAGE).build());

        for (String body : new String[] {notice.text(), notice.html()}) {
            assertThat(body).contains(impact1, impact2, reroute, warnUsers, callbacks, audioOnly);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # English template
            WARNING   | en    | Frank<script>furt (eu-<i>1)
            # Chinese template, full-width brackets
            UPDATE    | zh-CN | Frank<script>furt（eu-<i>1）
            # the all-clear shows names too
            ALL_CLEAR | en    | Frank<script>furt (eu-<i>1)
            """)
    void htmlEscapesCustomerAndRegionNames(NoticeKind kind, String language, String subjectRegion) {
        RenderedNotice notice = renderer.render(facts(kind, language, ZoneId.of("Europe/Berlin"), WINTER)
                .customer("<script>alert(1)</script> & Co").region("eu-<i>1", "Frank<script>furt").build());

        assertThat(notice.html()).doesNotContain("<script>", "<i>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", "Frank&lt;script&gt;furt", "eu-&lt;i&gt;1");
        // plain text and the subject header are not HTML, so escaping there would show entities to the reader
        assertThat(notice.text()).contains("<script>alert(1)</script> & Co", "Frank<script>furt");
        assertThat(notice.subject()).contains(subjectRegion);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"de", "fr-FR", "zh-TW", "zh-Hant", "ja", "en-GB", "EN"})
    void unsupportedLanguagesFallBackToEnglish(String language) {
        NoticeFacts facts = facts(WARNING, language, ZoneId.of("Europe/Berlin"), WINTER).build();
        RenderedNotice english = renderer.render(facts(WARNING, "en", ZoneId.of("Europe/Berlin"), WINTER).build());

        assertThat(renderer.render(facts)).isEqualTo(english);
    }

    @ParameterizedTest
    // spellings customer records use for Simplified Chinese
    @ValueSource(strings = {"zh-CN", "zh_CN", "zh-cn", "zh", "zh-Hans", "zh-Hans-CN", "zh-SG"})
    void simplifiedChineseSpellingsSelectChinese(String language) {
        RenderedNotice notice = renderer.render(facts(WARNING, language, ZoneId.of("Asia/Shanghai"), WINTER).build());

        assertThat(notice.subject()).startsWith("【预警】");
    }

    @ParameterizedTest
    @CsvSource({
            // first warning, English
            "WARNING, en, DEGRADED",
            // first warning, Chinese
            "WARNING, zh-CN, OUTAGE",
            // update, English
            "UPDATE, en, OUTAGE",
            // update, Chinese
            "UPDATE, zh-CN, DEGRADED",
            // all-clear, English
            "ALL_CLEAR, en, HEALTHY",
            // all-clear, Chinese
            "ALL_CLEAR, zh-CN, HEALTHY",
    })
    void missingFiguresAreLeftOut(NoticeKind kind, String language, RegionState state) {
        RenderedNotice notice = renderer.render(facts(kind, language, ZoneId.of("Europe/Berlin"), WINTER)
                .state(state).previous(DEGRADED).resolvedAt(WINTER.plusSeconds(3600))
                .figures(null, null, null, null, null).nodes(0, 0, 0.0).build());

        for (String part : new String[] {notice.subject(), notice.text(), notice.html()}) {
            assertThat(part).doesNotContainIgnoringCase("null")
                    .doesNotContain("MOS", " ms", "毫秒", "Packet loss", "丢包率", "Unreachable", "不可达");
        }
    }

    @ParameterizedTest
    @CsvSource({
            // only the worst decile is known: it is shown on its own
            "en, worst 10% of nodes (MOS on a 1–5 scale, 4.0 or more is good): 1.90",
            // the same in Chinese
            "zh-CN, 最差 10% 节点的预估通话质量（MOS，满分 5 分，4.0 分及以上为良好）：1.90",
    })
    void figuresThatAreKnownStayWhenOthersAreMissing(String language, String worstDecileLine) {
        RenderedNotice notice = renderer.render(facts(WARNING, language, ZoneId.of("Europe/Berlin"), WINTER)
                .figures(null, 1.9, null, 38.0, null).build());

        assertThat(notice.text()).contains(worstDecileLine, "38").doesNotContain("null", "412");
        assertThat(notice.html()).doesNotContain("null");
    }

    @Test
    void missingTemplateIsAnErrorNamingIt() {
        NoticeRenderer withoutTemplates = new NoticeRenderer(NoticeEngines.empty());

        assertThatThrownBy(() -> withoutTemplates.render(facts(UPDATE, "zh-CN", ZoneId.of("UTC"), WINTER).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notices/update.zh-CN.subject.txt");
    }

    private static FactsBuilder facts(NoticeKind kind, String language, ZoneId zone, Instant since) {
        return new FactsBuilder(kind, language, zone, since);
    }

    /** Builds notice facts with realistic defaults so each test only states what it is about. */
    private static final class FactsBuilder {
        private final NoticeKind kind;
        private final String language;
        private final ZoneId zone;
        private final Instant since;
        private String customer = "Acme Learning";
        private String regionId = "eu-central-1";
        private String regionName = "Frankfurt";
        private RegionState state;
        private RegionState previous;
        private boolean recurrence;
        private Instant resolvedAt;
        private Double medianMos = 2.87;
        private Double worstDecileMos = 1.9;
        private Double p95RttMs = 412.4;
        private Double jitterMs = 38.2;
        private Double lossRatio = 0.042;
        private int unreachable = 3;
        private int expected = 12;
        private double unreachableShare = 0.25;

        FactsBuilder(NoticeKind kind, String language, ZoneId zone, Instant since) {
            this.kind = kind;
            this.language = language;
            this.zone = zone;
            this.since = since;
            this.state = kind == ALL_CLEAR ? HEALTHY : DEGRADED;
            this.previous = kind == UPDATE ? HEALTHY : null;
            this.recurrence = kind == UPDATE;
            this.resolvedAt = kind == ALL_CLEAR ? since.plusSeconds(8100) : null;
        }

        FactsBuilder customer(String name) {
            customer = name;
            return this;
        }

        FactsBuilder region(String id, String name) {
            regionId = id;
            regionName = name;
            return this;
        }

        FactsBuilder state(RegionState s) {
            state = s;
            return this;
        }

        FactsBuilder previous(RegionState s) {
            previous = kind == UPDATE ? s : null;
            recurrence = false;
            return this;
        }

        FactsBuilder recurrence(boolean r) {
            recurrence = r;
            return this;
        }

        FactsBuilder resolvedAt(Instant at) {
            resolvedAt = kind == ALL_CLEAR ? at : null;
            return this;
        }

        FactsBuilder figures(Double median, Double worstDecile, Double p95Rtt, Double jitter, Double loss) {
            medianMos = median;
            worstDecileMos = worstDecile;
            p95RttMs = p95Rtt;
            jitterMs = jitter;
            lossRatio = loss;
            return this;
        }

        FactsBuilder nodes(int unreachableNodes, int expectedNodes, double share) {
            unreachable = unreachableNodes;
            expected = expectedNodes;
            unreachableShare = share;
            return this;
        }

        NoticeFacts build() {
            return new NoticeFacts(kind, 42, customer, language, zone, regionId, regionName, state, previous,
                    recurrence, since, since.plusSeconds(600), resolvedAt, medianMos, worstDecileMos, p95RttMs,
                    jitterMs, lossRatio, unreachableShare, unreachable, expected);
        }
    }
}
