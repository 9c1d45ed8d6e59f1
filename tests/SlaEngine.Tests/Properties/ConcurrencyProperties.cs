using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Tests.Properties;

/// <summary>Determinism and thread safety: a fresh calendar hammered from several threads (racing to build its lazy tables) answers exactly as a single-threaded one.</summary>
public sealed class ConcurrencyProperties
{
    private static Arbitrary<(CalendarScenario Scenario, ImmutableArray<(Instant T, Instant U, Duration D, int N)> Queries)> Cases =>
        (from scenario in CalendarArbitraries.Scenario
         from queries in Gen.ArrayOf(
             from t in CalendarArbitraries.InstantNear(scenario)
             from u in CalendarArbitraries.InstantNear(scenario)
             from d in CalendarArbitraries.BusinessSpan
             from n in CalendarArbitraries.BusinessDayCount
             select (t, u, d, n),
             24)
         select (scenario, queries.ToImmutableArray())).ToArbitrary();

    [Fact]
    public void Calendar_QueriedFromSeveralThreads_AnswersAsSingleThreaded() =>
        PropertyRuns.Check(Prop.ForAll(Cases, x =>
        {
            var expected = Answers(x.Scenario.Definition.Build(), x.Queries, 0);
            var shared = x.Scenario.Definition.Build();
            var results = new long[4][];
            using var start = new Barrier(results.Length);
            var threads = Enumerable.Range(0, results.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                results[i] = Answers(shared, x.Queries, i * 5);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            foreach (var result in results)
            {
                Assert.Equal(expected, result);
            }
        }));

    /// <summary>Every operation on every query, starting at a different query per thread so first touches differ; results in query order.</summary>
    private static long[] Answers(BusinessCalendar calendar, ImmutableArray<(Instant T, Instant U, Duration D, int N)> queries, int rotate)
    {
        const int PerQuery = 7;
        var answers = new long[queries.Length * PerQuery];
        for (var k = 0; k < queries.Length; k++)
        {
            var q = (k + rotate) % queries.Length;
            var (t, u, d, n) = queries[q];
            answers[(q * PerQuery) + 0] = calendar.Add(t, d).ToUnixTimeTicks();
            answers[(q * PerQuery) + 1] = calendar.Add(t, -d).ToUnixTimeTicks();
            answers[(q * PerQuery) + 2] = calendar.Between(t, u).BclCompatibleTicks;
            answers[(q * PerQuery) + 3] = calendar.AddBusinessDays(t, n).ToUnixTimeTicks();
            answers[(q * PerQuery) + 4] = calendar.IsOpen(u) ? 1 : 0;
            answers[(q * PerQuery) + 5] = calendar.NextOpen(u).ToUnixTimeTicks();
            answers[(q * PerQuery) + 6] = calendar.IsBusinessDate(u.InZone(calendar.Zone).Date) ? 1 : 0;
        }

        return answers;
    }
}
