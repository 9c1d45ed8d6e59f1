using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;

namespace SlaEngine.Pictures.Tests.Core;

/// <summary>The core members the pictures need: a calendar's open periods, holidays by date, the speed-to-lead histogram, breaches per month.</summary>
public sealed class CorePictureApiTests
{
    private static BusinessCalendar UsSales => Calendar("us-sales");

    private static BusinessCalendar NightDesk => Calendar("night-desk");

    [Fact]
    public void OpenPeriods_WeekWithThanksgiving_SkipsTheHolidayAndTheWeekend()
    {
        var from = Instant.FromUtc(2026, 11, 23, 5, 0); // Monday 00:00 New York
        var periods = UsSales.OpenPeriods(from, from + Duration.FromDays(7)).ToList();

        // Mon, Tue, Wed, Fri: two intervals each; Thursday 26 is Thanksgiving.
        Assert.Equal(8, periods.Count);
        Assert.DoesNotContain(periods, p => p.Date == new LocalDate(2026, 11, 26));
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 14, 0), periods[0].Start);
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 17, 0), periods[0].End);
        Assert.All(periods, p => Assert.Equal(UsSales.Between(p.Start, p.End), p.End - p.Start));
    }

    [Fact]
    public void OpenPeriods_AgreeWithIsOpen()
    {
        var from = Instant.FromUtc(2026, 12, 20, 0, 0);
        var to = Instant.FromUtc(2027, 1, 5, 0, 0);
        var periods = UsSales.OpenPeriods(from, to).ToList();
        for (var t = from; t < to; t += Duration.FromMinutes(15))
        {
            Assert.Equal(UsSales.IsOpen(t), periods.Any(p => p.Start <= t && t < p.End));
        }

        Assert.Contains(periods, p => p.IsOverride && p.Date == new LocalDate(2026, 12, 24) && p.Hours.ToString() == "09:00-13:00");
    }

    [Fact]
    public void OpenPeriods_OvernightInterval_BelongsToItsOpeningDate()
    {
        // Tuesday 03:00 London lies in Monday's 22:00-06:00 interval: the period opened the day before the span.
        var from = Instant.FromUtc(2026, 11, 24, 3, 0);
        var first = NightDesk.OpenPeriods(from, from + Duration.FromHours(1)).Single();

        Assert.Equal(new LocalDate(2026, 11, 23), first.Date);
        Assert.True(first.Hours.IsOvernight);
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 22, 0), first.Start);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 6, 0), first.End);
    }

    [Fact]
    public void OpenPeriods_EndBeforeStart_Throws()
    {
        var t = Instant.FromUtc(2026, 11, 23, 0, 0);
        Assert.Throws<ArgumentException>(() => UsSales.OpenPeriods(t, t - Duration.FromHours(1)));
    }

    [Fact]
    public void HolidayCloses_OwnDateAndObservedDate()
    {
        var newYear = UsSales.Holidays.Single(h => h.Name == "New Year");

        // 1 January 2028 is a Saturday: observed on Friday 31 December 2027, in the year before.
        Assert.True(newYear.Closes(new LocalDate(2028, 1, 1)));
        Assert.True(newYear.Closes(new LocalDate(2027, 12, 31)));
        Assert.False(newYear.Closes(new LocalDate(2027, 12, 30)));
        Assert.True(UsSales.Holidays.Single(h => h.Name == "Thanksgiving").Closes(new LocalDate(2026, 11, 26)));
    }

    [Fact]
    public void Histogram_CountsEveryFirstTouchOnce_InFixedBuckets()
    {
        var (byTier, _) = Reports.Sample();
        var overall = byTier.Overall;

        Assert.Equal(9, overall.SpeedToLeadHistogram.Length);
        Assert.Equal(overall.SpeedToLead.Samples, overall.SpeedToLeadHistogram.Sum(b => b.Count));
        Assert.Equal(0, overall.SpeedToLeadHistogram[0].AboveSeconds);
        Assert.Equal(300, overall.SpeedToLeadHistogram[0].UpToSeconds);
        Assert.Null(overall.SpeedToLeadHistogram[^1].UpToSeconds);
        for (var i = 1; i < overall.SpeedToLeadHistogram.Length; i++)
        {
            Assert.Equal(overall.SpeedToLeadHistogram[i - 1].UpToSeconds, overall.SpeedToLeadHistogram[i].AboveSeconds);
        }

        foreach (var group in byTier.Groups)
        {
            Assert.Equal(group.SpeedToLead.Samples, group.SpeedToLeadHistogram.Sum(b => b.Count));
        }
    }

    [Fact]
    public void Histogram_BoundsAreInclusiveAbove()
    {
        var builder = new ComplianceReportBuilder(Samples.RankBands, Samples.At);
        var start = Instant.FromUtc(2026, 11, 20, 15, 0); // Friday 10:00 New York, open
        foreach (var (id, seconds) in new[] { ("a", 0), ("b", 300), ("c", 301) })
        {
            var lead = Samples.Parse($$"""{"id":"{{id}}","mql_at":"2026-11-20T15:00:00Z","attributes":{"rank":90,"purchase_timeline":"now"},"touches":[{"channel":"call","at":"{{EvaluationJson.FormatInstant(start + Duration.FromSeconds(seconds))}}"}]}""");
            builder.Add(Samples.RankBands.Evaluate(lead, Samples.At), lead);
        }

        var histogram = builder.Build().Overall.SpeedToLeadHistogram;

        Assert.Equal(2, histogram[0].Count);
        Assert.Equal(1, histogram[1].Count);
    }

    [Fact]
    public void MonthlyCount_LeadsBreached_CountsLeadsWithABreachedMilestone()
    {
        var (byTier, _) = Reports.Sample();
        var expected = Samples.Leads
            .Select(l => Samples.RankBands.Evaluate(l, Samples.At, EvaluationOptions.WithoutTrace))
            .Count(e => e.Milestones.Any(m => m.Status == MilestoneStatus.Breached));

        Assert.Equal(expected, byTier.Overall.MqlsPerMonth.Sum(m => m.LeadsBreached));
        Assert.All(byTier.Overall.MqlsPerMonth, m => Assert.InRange(m.LeadsBreached, 0, m.Mqls));
    }

    private static BusinessCalendar Calendar(string name) =>
        Samples.RankBands.TryGetCalendar(name, out var calendar) ? calendar : throw new InvalidOperationException(name);
}
