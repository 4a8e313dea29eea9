package dev.forewarn.oncall.model;

import dev.forewarn.calendar.model.LocalTimeRange;
import dev.forewarn.calendar.model.WeeklyHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {

    private static final LocalDateTime NEW_YEAR_0800 = LocalDateTime.parse("2026-01-01T08:00");

    /** APAC, EMEA and AMER each cover 08:00–16:00 local; in winter nobody covers 22:00–24:00Z, in summer 21:00–24:00Z. */
    private static final Schedule FOLLOW_THE_SUN = new Schedule(Tier.L1, "default", List.of(
            region("APAC", "Asia/Singapore", "ana", "bo"),
            region("EMEA", "Europe/Dublin", "cara", "dev"),
            region("AMER", "America/Chicago", "eli", "fay")), List.of());

    private static final Layer PRIMARY = new Layer("primary", new Rotation(List.of("ana", "bo"), Duration.ofDays(1),
            LocalDateTime.parse("2026-03-01T09:00"), ZoneOffset.UTC), null);

    private static final List<Override> OVERRIDES_AS_ADDED = List.of(
            override("xi", "2026-03-10T10:00:00Z", "2026-03-10T13:00:00Z", "training"),
            override("zed", "2026-03-10T12:00:00Z", "2026-03-10T18:00:00Z", "swap"),
            override("yan", "2026-03-10T15:00:00Z", "2026-03-10T20:00:00Z", "zed is sick"));

    private static Layer region(String name, String zone, String... participants) {
        ZoneId zoneId = ZoneId.of(zone);
        return new Layer(name, new Rotation(List.of(participants), Duration.ofDays(1), NEW_YEAR_0800, zoneId),
                WeeklyHours.daily(LocalTimeRange.parse("08:00-16:00"), zoneId));
    }

    private static Override override(String participant, String from, String to, String reason) {
        return new Override(participant, Instant.parse(from), Instant.parse(to), reason);
    }

    private static OnCall covered(String participant, String source, Instant until) {
        return new OnCall.Covered(participant, source, until);
    }

    @ParameterizedTest(name = "at {0} -> {1} via {2} until {3}")
    @CsvSource({
            // winter: 08:00 Singapore (00:00Z) opens APAC; shift 5 is bo's; the answer holds until APAC closes
            "2026-01-06T00:00:00Z, bo,   APAC, 2026-01-06T08:00:00Z",
            // winter: mid-APAC
            "2026-01-06T03:00:00Z, bo,   APAC, 2026-01-06T08:00:00Z",
            // winter: last second of APAC
            "2026-01-06T07:59:59Z, bo,   APAC, 2026-01-06T08:00:00Z",
            // winter: APAC hands off to EMEA at 08:00 Dublin; EMEA holds until 16:00 GMT
            "2026-01-06T08:00:00Z, dev,  EMEA, 2026-01-06T16:00:00Z",
            // winter: AMER opened at 14:00Z but EMEA is earlier in the list, so EMEA keeps answering
            "2026-01-06T15:00:00Z, dev,  EMEA, 2026-01-06T16:00:00Z",
            // winter: EMEA hands off to AMER at 16:00Z (10:00 Chicago); AMER holds until 16:00 CST (22:00Z)
            "2026-01-06T16:00:00Z, fay,  AMER, 2026-01-06T22:00:00Z",
            // winter: the next APAC day starts with the next participant
            "2026-01-07T00:00:00Z, ana,  APAC, 2026-01-07T08:00:00Z",
            // summer: EMEA opened at 07:00Z (08:00 IST) but APAC still covers and comes first
            "2026-07-01T07:30:00Z, bo,   APAC, 2026-07-01T08:00:00Z",
            // summer: EMEA answers until 16:00 IST (15:00Z)
            "2026-07-01T08:00:00Z, dev,  EMEA, 2026-07-01T15:00:00Z",
            // summer: AMER answers from 15:00Z until 16:00 CDT (21:00Z)
            "2026-07-01T15:00:00Z, fay,  AMER, 2026-07-01T21:00:00Z",
    })
    void followsTheSun(Instant at, String participant, String source, Instant until) {
        assertThat(FOLLOW_THE_SUN.whoIsOnCall(at)).isEqualTo(covered(participant, source, until));
    }

    @ParameterizedTest(name = "at {0} -> gap until {1}")
    @CsvSource({
            // winter: AMER closed at 22:00Z and APAC opens at 00:00Z
            "2026-01-06T22:00:00Z, 2026-01-07T00:00:00Z",
            // winter: one minute before APAC opens
            "2026-01-06T23:59:00Z, 2026-01-07T00:00:00Z",
            // summer: AMER closes an hour earlier (21:00Z), widening the gap
            "2026-07-01T21:00:00Z, 2026-07-02T00:00:00Z",
    })
    void reportsTheDeliberateGap(Instant at, Instant nextCoverageAt) {
        assertThat(FOLLOW_THE_SUN.whoIsOnCall(at)).isEqualTo(new OnCall.Gap(nextCoverageAt));
    }

    @ParameterizedTest(name = "{0}: at {1} -> {2} via {3} until {4}")
    @CsvSource({
            // before any override, the layer answers until the first override starts
            "added,    2026-03-10T09:30:00Z, bo,  primary,  2026-03-10T10:00:00Z",
            // an override's start is inclusive
            "added,    2026-03-10T10:00:00Z, xi,  override, 2026-03-10T12:00:00Z",
            // xi holds until zed, added later, starts
            "added,    2026-03-10T11:59:59Z, xi,  override, 2026-03-10T12:00:00Z",
            // zed, added after xi, wins where they overlap; yan, added later still, cuts zed short
            "added,    2026-03-10T12:00:00Z, zed, override, 2026-03-10T15:00:00Z",
            // yan, the latest added, wins over zed from 15:00
            "added,    2026-03-10T15:00:00Z, yan, override, 2026-03-10T20:00:00Z",
            // zed's end (18:00) changes nothing while yan holds
            "added,    2026-03-10T18:00:00Z, yan, override, 2026-03-10T20:00:00Z",
            // last second of yan's override
            "added,    2026-03-10T19:59:59Z, yan, override, 2026-03-10T20:00:00Z",
            // an override's end is exclusive: the layer answers again until its hand-off
            "added,    2026-03-10T20:00:00Z, bo,  primary,  2026-03-11T09:00:00Z",
            // added in reverse: xi is now the latest and wins over zed until xi ends
            "reversed, 2026-03-10T12:30:00Z, xi,  override, 2026-03-10T13:00:00Z",
            // added in reverse: zed now outranks yan, so yan's start does not cut zed short
            "reversed, 2026-03-10T13:00:00Z, zed, override, 2026-03-10T18:00:00Z",
            // added in reverse: yan answers once zed ends
            "reversed, 2026-03-10T18:00:00Z, yan, override, 2026-03-10T20:00:00Z",
    })
    void overridesWinLatestAddedFirst(String order, Instant at, String participant, String source, Instant until) {
        List<Override> overrides = new ArrayList<>(OVERRIDES_AS_ADDED);
        if (order.equals("reversed")) {
            Collections.reverse(overrides);
        }
        Schedule schedule = new Schedule(Tier.L2, "network", List.of(PRIMARY), overrides);

        assertThat(schedule.whoIsOnCall(at)).isEqualTo(covered(participant, source, until));
    }

    @ParameterizedTest(name = "at {0} -> {1} via {2} until {3}")
    @CsvSource({
            // the backup answers outside business hours, but only until business hours open
            "2026-03-10T08:00:00Z, ana,  backup,   2026-03-10T09:00:00Z",
            // business hours take precedence over the backup and hold until 17:00
            "2026-03-10T09:00:00Z, cara, business, 2026-03-10T17:00:00Z",
            // after business hours the backup answers until business hours reopen, before its own 10:00 hand-off
            "2026-03-10T17:00:00Z, bo,   backup,   2026-03-11T09:00:00Z",
    })
    void earlierLayerTakesOverWhenItsWindowOpens(Instant at, String participant, String source, Instant until) {
        Layer business = new Layer("business", new Rotation(List.of("cara"), Duration.ofDays(7),
                LocalDateTime.parse("2026-03-02T09:00"), ZoneOffset.UTC),
                WeeklyHours.daily(LocalTimeRange.parse("09:00-17:00"), ZoneOffset.UTC));
        Layer backup = new Layer("backup", new Rotation(List.of("ana", "bo"), Duration.ofDays(1),
                LocalDateTime.parse("2026-03-01T10:00"), ZoneOffset.UTC), null);
        Schedule schedule = new Schedule(Tier.L3, "default", List.of(business, backup), List.of());

        assertThat(schedule.whoIsOnCall(at)).isEqualTo(covered(participant, source, until));
    }

    @ParameterizedTest(name = "override starting {0} -> next coverage {1}")
    @CsvSource({
            // the only coverage is an override a week away: the gap names it
            "2026-03-17T00:00:00Z, 2026-03-17T00:00:00Z",
            // exactly eight days away is still within the look-ahead
            "2026-03-18T00:00:00Z, 2026-03-18T00:00:00Z",
            // beyond eight days the gap reports no coverage at all
            "2026-03-18T00:00:01Z, ",
    })
    void gapLooksEightDaysAhead(Instant overrideFrom, Instant nextCoverageAt) {
        Schedule schedule = new Schedule(Tier.L1, "edu", List.of(),
                List.of(new Override("ana", overrideFrom, overrideFrom.plus(Duration.ofHours(4)), "launch")));

        assertThat(schedule.whoIsOnCall(Instant.parse("2026-03-10T00:00:00Z"))).isEqualTo(new OnCall.Gap(nextCoverageAt));
    }

    @Test
    void withOverrideAddsTheWinningOverride() {
        Schedule schedule = new Schedule(Tier.L2, "network", List.of(PRIMARY), OVERRIDES_AS_ADDED)
                .withOverride(override("wu", "2026-03-10T16:00:00Z", "2026-03-10T17:00:00Z", "handover"));

        assertThat(schedule.whoIsOnCall(Instant.parse("2026-03-10T16:30:00Z")))
                .isEqualTo(covered("wu", "override", Instant.parse("2026-03-10T17:00:00Z")));
    }

    @Test
    void rejectsInvalidSchedulesAndOverrides() {
        Instant t = Instant.parse("2026-03-10T10:00:00Z");
        assertThatThrownBy(() -> new Override("ana", t, t, "empty"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Override("ana", t, t.plusSeconds(60), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(Tier.L1, "edu", List.of(PRIMARY, PRIMARY), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(Tier.L1, "edu",
                List.of(new Layer("override", PRIMARY.rotation(), null)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
