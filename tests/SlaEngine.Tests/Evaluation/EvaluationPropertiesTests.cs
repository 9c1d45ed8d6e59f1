using System.Collections.Concurrent;
using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Conditions;

namespace SlaEngine.Tests.Evaluation;

/// <summary>Properties of evaluation over generated leads: monotonicity in touches and time, determinism, thread safety.</summary>
public sealed class EvaluationPropertiesTests
{
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_PROPERTY_RUNS"), out var n) ? n : 300;

    [Fact]
    public void AddingATouch_NeverTurnsAMetMilestoneIntoABreachedOne()
    {
        var property = Prop.ForAll(Arbitraries.Scenario(), Arbitraries.Touch(), (scenario, extra) =>
        {
            var before = scenario.Policy.Evaluate(scenario.Lead, scenario.At, EvaluationOptions.WithoutTrace);
            var touch = extra with { At = Instant.Min(extra.At, scenario.At) };
            var after = scenario.Policy.Evaluate(scenario.Lead with { Touches = scenario.Lead.Touches.Add(touch) }, scenario.At, EvaluationOptions.WithoutTrace);
            foreach (var milestone in before.Milestones.Where(m => m.Status == MilestoneStatus.Met))
            {
                if (after.Milestone(milestone.Name) is { Status: MilestoneStatus.Breached })
                {
                    return false;
                }
            }

            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), property);
    }

    [Fact]
    public void MovingAtForward_NeverUnbreachesAMilestone()
    {
        var property = Prop.ForAll(Arbitraries.Scenario(), Gen.Choose(0, 60 * 24 * 10).ToArbitrary(), (scenario, minutes) =>
        {
            var later = scenario.At + Duration.FromMinutes(minutes);
            var before = scenario.Policy.Evaluate(scenario.Lead, scenario.At, EvaluationOptions.WithoutTrace);
            var after = scenario.Policy.Evaluate(scenario.Lead, later, EvaluationOptions.WithoutTrace);
            return before.Milestones.Where(m => m.Status == MilestoneStatus.Breached)
                .All(m => after.Milestone(m.Name)?.Status is MilestoneStatus.Breached or MilestoneStatus.MetLate);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), property);
    }

    [Fact]
    public void MetMilestones_HaveNoLatenessAndBreachedOnesHaveSome()
    {
        var property = Prop.ForAll(Arbitraries.Scenario(), scenario =>
        {
            var result = scenario.Policy.Evaluate(scenario.Lead, scenario.At, EvaluationOptions.WithoutTrace);
            return result.Milestones.All(m => m.Status switch
            {
                MilestoneStatus.Met => m.LateBy == Duration.Zero && m.MetAt is not null,
                MilestoneStatus.MetLate or MilestoneStatus.Breached => m.LateBy > Duration.Zero,
                MilestoneStatus.Pending or MilestoneStatus.AtRisk => m.LateBy == Duration.Zero && m.MetAt is null,
                _ => m.LateBy == Duration.Zero,
            });
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), property);
    }

    [Fact]
    public void Evaluate_FromManyThreads_MatchesSingleThreaded()
    {
        var scenarios = Arbitraries.Scenario().Generator.Sample(200);
        var expected = scenarios.Select(s => EvaluationJson.Serialize(s.Policy.Evaluate(s.Lead, s.At), includeTrace: true)).ToArray();
        var actual = new ConcurrentDictionary<int, string>();
        Parallel.For(0, scenarios.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var s = scenarios[i % scenarios.Length];
            var json = EvaluationJson.Serialize(s.Policy.Evaluate(s.Lead, s.At), includeTrace: true);
            actual.AddOrUpdate(i % scenarios.Length, json, (_, existing) => existing == json ? json : "MISMATCH");
        });

        for (var i = 0; i < scenarios.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    /// <summary>Named, bounded generators for evaluation scenarios.</summary>
    internal static class Arbitraries
    {
        private static readonly Instant Origin = Instant.FromUtc(2026, 11, 2, 0, 0);
        private static readonly string[] Channels = ["call", "email", "voicemail"];

        internal sealed record ScenarioCase(SlaEngine.Policies.SlaPolicy Policy, LeadSnapshot Lead, Instant At)
        {
            public override string ToString() => $"{Policy.Id} at {At}: mql_at {Lead.MqlAt}, touches [{string.Join(", ", Lead.Touches.Select(t => t.Channel + "@" + t.At))}], paused [{string.Join(", ", Lead.Paused.Intervals)}], disposition {Lead.Disposition}, attributes {{{string.Join(", ", Lead.Attributes.Select(a => a.Key + "=" + a.Value))}}}";
        }

        internal static Arbitrary<LeadTouch> Touch() =>
            (from channel in Gen.Elements(Channels)
             from minutes in Gen.Choose(0, 60 * 24 * 20)
             select new LeadTouch(channel, Origin + Duration.FromMinutes(minutes))).ToArbitrary();

        internal static Arbitrary<ScenarioCase> Scenario()
        {
            var policies = new[] { TestPolicies.HandChecked, TestPolicies.Sample("level-of-effort.yaml"), TestPolicies.Conformance("lattice-predictive.yaml"), TestPolicies.Conformance("standard-cadence.yaml") };
            var gen =
                from policy in Gen.Elements(policies)
                from start in Gen.Choose(0, 60 * 24 * 14)
                from atOffset in Gen.Choose(0, 60 * 24 * 21)
                from touchCount in Gen.Choose(0, 8)
                from touches in Gen.ArrayOf(Touch().Generator, touchCount)
                from pauseCount in Gen.Choose(0, 2)
                from pauses in Gen.ArrayOf(from s in Gen.Choose(0, 60 * 24 * 20) from l in Gen.Choose(1, 60 * 48) select (s, l), pauseCount)
                from dispose in Gen.Frequency((4, Gen.Constant(-1)), (1, Gen.Choose(0, 60 * 24 * 25)))
                from outcome in Gen.Elements(DispositionOutcome.Convert, DispositionOutcome.Defer, DispositionOutcome.Recycle)
                from employees in Gen.Elements(10.0, 100.0, 101.0, 900.0)
                from rank in Gen.Choose(30, 100)
                from timeline in Gen.Elements("now", "1-6 months", "none")
                select new ScenarioCase(
                    policy,
                    new LeadSnapshot("P")
                    {
                        MqlAt = Origin + Duration.FromMinutes(start),
                        Attributes = ImmutableDictionary<string, LeadValue>.Empty
                            .Add("employees", employees).Add("rank", (double)rank).Add("purchase_timeline", timeline)
                            .Add("segment", "enterprise").Add("email", "a@acme.com"),
                        Touches = [.. touches],
                        Paused = PauseSchedule.Create(pauses.Select(p => new NodaTime.Interval(Origin + Duration.FromMinutes(p.s), Origin + Duration.FromMinutes(p.s + p.l)))),
                        Disposition = dispose < 0 ? null : new LeadDisposition(outcome, Origin + Duration.FromMinutes(dispose)),
                    },
                    Origin + Duration.FromMinutes(start + atOffset));
            return gen.ToArbitrary();
        }
    }
}
