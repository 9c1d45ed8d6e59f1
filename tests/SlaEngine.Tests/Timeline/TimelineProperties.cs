using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Timeline;

/// <summary>
/// The definition of a transition, checked over generated policies, calendars, leads and instants: the verdict
/// differs at every transition from one second earlier and is constant between transitions; next_change_at is the
/// first transition; keys are stable; a later timeline is the tail of an earlier one; and the whole timeline equals
/// the brute-force reference's. Runs 200 cases by default; SLAENGINE_TIMELINE_RUNS=N for a long run.
/// </summary>
public sealed class TimelineProperties
{
    private static readonly Duration Second = Duration.FromSeconds(1);

    [Fact]
    public void AtEveryTransition_TheVerdictDiffersFromOneSecondEarlier_ByExactlyTheListedItems() =>
        TimelineArbitraries.Check(Prop.ForAll(TimelineArbitraries.Cases, c =>
        {
            var timeline = c.Policy.Timeline(c.Lead, c.At, c.Until);
            foreach (var group in timeline.Transitions.GroupBy(t => t.At))
            {
                var before = BruteForceTimeline.VerdictAt(c.Policy, c.Lead, group.Key - Second);
                var after = BruteForceTimeline.VerdictAt(c.Policy, c.Lead, group.Key);
                var listed = group.Select(t => $"{t.Subject}|{t.Field}|{t.FromJson}|{t.ToJson}").Order(StringComparer.Ordinal).ToList();
                Assert.Equal(BruteForceTimeline.Differences(before, after), listed);
                Assert.True(group.Key > c.At && group.Key <= c.Until);
                Assert.Equal(0, group.Key.ToUnixTimeTicks() % NodaConstants.TicksPerSecond);
            }
        }));

    [Fact]
    public void BetweenTransitions_TheVerdictEqualsTheVerdictRightAfterTheEarlierOne() =>
        TimelineArbitraries.Check(Prop.ForAll(TimelineArbitraries.Cases, c =>
        {
            var timeline = c.Policy.Timeline(c.Lead, c.At, c.Until);
            var instants = timeline.Transitions.Select(t => t.At).Distinct().Prepend(c.At).Append(c.Until + Second).ToList();
            for (var i = 0; i + 1 < instants.Count; i++)
            {
                var span = (instants[i + 1] - instants[i]).TotalSeconds;
                if (span < 2)
                {
                    continue;
                }

                var anchor = BruteForceTimeline.VerdictAt(c.Policy, c.Lead, instants[i]);
                foreach (var pick in c.Picks.Take(3))
                {
                    var x = instants[i] + Duration.FromSeconds(1 + (pick % (long)(span - 1)));
                    Assert.True(
                        BruteForceTimeline.Same(anchor, BruteForceTimeline.VerdictAt(c.Policy, c.Lead, x)),
                        $"verdict at {x} differs from the one at {instants[i]}: {string.Join("; ", BruteForceTimeline.Differences(anchor, BruteForceTimeline.VerdictAt(c.Policy, c.Lead, x)))}");
                }
            }
        }));

    [Fact]
    public void NextChangeAt_IsTheFirstTransition() =>
        TimelineArbitraries.Check(Prop.ForAll(TimelineArbitraries.Cases, c =>
        {
            var timeline = c.Policy.Timeline(c.Lead, c.At);
            Assert.Equal(timeline.Transitions.FirstOrDefault()?.At, timeline.NextChangeAt);
            Assert.Equal(timeline.NextChangeAt, c.Policy.Evaluate(c.Lead, c.At, EvaluationOptions.WithoutTrace).NextChangeAt);
            Assert.Equal(timeline.NextChangeAt, c.Policy.Evaluate(c.Lead, c.At).NextChangeAt);
        }));

    [Fact]
    public void Keys_AreTheSameFromAnyEarlierInstant_AndALaterTimelineIsTheTailOfAnEarlierOne() =>
        TimelineArbitraries.Check(Prop.ForAll(TimelineArbitraries.Cases, c =>
        {
            var timeline = c.Policy.Timeline(c.Lead, c.At, c.Until);
            var span = (long)(c.Until - c.At).TotalSeconds;
            foreach (var pick in c.Picks.Take(3))
            {
                var later = c.At + Duration.FromSeconds(pick % span);
                var tail = c.Policy.Timeline(c.Lead, later, c.Until);
                Assert.Equal(
                    timeline.Transitions.Where(t => t.At > later).Select(t => t.Key),
                    tail.Transitions.Select(t => t.Key));
            }

            foreach (var t in timeline.Transitions)
            {
                Assert.Equal($"{c.Lead.Id}|generated@7|{t.Subject}|{t.Field}|{t.ToJson}|{EvaluationJson.FormatInstant(t.At)}", t.Key);
            }
        }));

    [Fact]
    public void LeadWithoutMqlAt_StartsAtTheTimelineStart() =>
        TimelineArbitraries.Check(Prop.ForAll(TimelineArbitraries.Cases, c =>
        {
            var without = c.Policy.Timeline(c.Lead with { MqlAt = null }, c.At, c.Until);
            var pinned = c.Policy.Timeline(c.Lead with { MqlAt = c.At }, c.At, c.Until);
            Assert.Equal(pinned.Transitions.Select(t => t.Key), without.Transitions.Select(t => t.Key));
        }));

    [Fact]
    public void Timeline_AgreesWithTheBruteForceReference() =>
        TimelineArbitraries.Check(Prop.ForAll(TimelineArbitraries.WholeMinuteCases, c =>
        {
            var timeline = c.Policy.Timeline(c.Lead, c.At, c.Until);
            var expected = BruteForceTimeline.Transitions(c.Policy, c.Lead, c.At, c.Until);
            var actual = BruteForceTimeline.Text(timeline);
            Assert.True(expected.SequenceEqual(actual), $"reference:\n  {string.Join("\n  ", expected)}\nengine:\n  {string.Join("\n  ", actual)}");
        }));
}

/// <summary>The generated cases exercise every kind of transition (so the properties above are not vacuous); a fixed seed keeps this check stable.</summary>
public sealed class TimelineGeneratorCoverageTests
{
    [Fact]
    public void GeneratedCases_CoverEveryKindOfTransition()
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var cases = FsCheck.Fluent.Gen.Sample(TimelineArbitraries.Cases.Generator, 50, new FsCheck.Rnd(20261202UL), 300);
        foreach (var c in cases)
        {
            foreach (var t in c.Policy.Timeline(c.Lead, c.At, c.Until).Transitions)
            {
                kinds.Add(t.Subject.StartsWith("cadence_step_", StringComparison.Ordinal) ? "cadence_step|" + t.Field : t.Subject.StartsWith("escalation_", StringComparison.Ordinal) ? "escalation|" + t.ToJson : $"{t.Subject}|{t.Field}");
                kinds.Add("to " + t.ToJson.Trim('"'));
                if (t.At.ToUnixTimeSeconds() % 60 is not (0 or 1))
                {
                    kinds.Add("odd second " + t.Subject + "|" + t.Field);
                }
            }
        }

        string[] expected =
        [
            "lead|status", "lead|tier", "lead|band", "lead|team", "lead|calendar", "first_touch|status", "first_touch|due", "effort|status",
            "cadence_step|status", "cadence_step|due", "disposition|due", "next_touch|next_touch", "escalation|true", "escalation|null",
            "to at_risk", "to breached", "to met", "to met_late", "to recycle_due", "to nurture", "to converted", "odd second lead|band",
        ];
        Assert.True(expected.All(kinds.Contains), "not covered: " + string.Join(", ", expected.Where(k => !kinds.Contains(k))));
    }
}
