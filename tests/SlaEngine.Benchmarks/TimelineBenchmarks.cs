using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Benchmarks;

/// <summary>
/// The timeline of one lead under the rank-band sample policy (the policy of the specification's section 2) and the
/// lead L-1001: evaluation without and with next_change_at (target ≤ 2 µs with it), and the whole timeline over the
/// default 366 days (target ≤ 10 µs), single-threaded.
/// </summary>
[MemoryDiagnoser]
public class TimelineBenchmarks
{
    private static readonly EvaluationOptions NoNextChange = new() { IncludeTrace = false, IncludeNextChange = false };

    private SlaPolicy _policy = null!;
    private LeadSnapshot _lead = null!;
    private LeadSnapshot _fresh = null!;
    private Instant _at;
    private Instant _arrival;

    [GlobalSetup]
    public void Setup()
    {
        _policy = PolicyLoader.LoadFile(Path.Combine(EvaluationBenchmarks.FindRoot(), "samples", "policies", "rank-bands.yaml"));
        _lead = LeadSnapshot.Parse("""
            {"id":"L-1001","mql_at":"2026-11-20T15:30:00Z","attributes":{"employees":250,"rank":91,"purchase_timeline":"1-6 months","email":"ana@acme.com","title":"VP Marketing","country":"US"},"events":[{"type":"whitepaper_download","at":"2026-11-01T10:00:00Z"},{"type":"webinar_attended","at":"2026-11-10T10:00:00Z"}],"touches":[{"channel":"call","at":"2026-11-20T16:10:00Z","outcome":"no_answer"},{"channel":"email","at":"2026-11-20T18:00:00Z"}],"paused":[{"from":"2026-11-21T00:00:00Z","to":"2026-11-22T00:00:00Z"}]}
            """).Value;

        // The same lead as it arrives, before any touch: its whole SLA lies ahead.
        _fresh = _lead with { Touches = [] };
        _at = Instant.FromUtc(2026, 11, 22, 12, 0);
        _arrival = Instant.FromUtc(2026, 11, 20, 15, 30);
        _policy.Timeline(_lead, _at);
    }

    [Benchmark(Baseline = true)]
    public LeadEvaluation EvaluateWithoutNextChange() => _policy.Evaluate(_lead, _at, NoNextChange);

    [Benchmark]
    public LeadEvaluation EvaluateWithNextChange() => _policy.Evaluate(_lead, _at, EvaluationOptions.WithoutTrace);

    [Benchmark]
    public LeadTimeline Timeline() => _policy.Timeline(_lead, _at);

    [Benchmark]
    public LeadTimeline TimelineFromArrival() => _policy.Timeline(_fresh, _arrival);
}
