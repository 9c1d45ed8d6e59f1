using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Benchmarks;

/// <summary>
/// The timeline of one lead under the rank-band sample policy (the policy of the policy-language guide) and the
/// lead L-1001: evaluation without and with next_change_at (target ≤ 2 µs with it), and the whole timeline over the
/// default 366 days (target ≤ 10 µs), single-threaded.
/// </summary>
[MemoryDiagnoser]
public class TimelineBenchmarks
{
    private SlaPolicy _policy = null!;
    private LeadSnapshot _lead = null!;
    private LeadSnapshot _fresh = null!;
    private Instant _at;
    private Instant _arrival;

    [GlobalSetup]
    public void Setup()
    {
        _policy = PolicyLoader.LoadFile(Path.Combine(EvaluationBenchmarks.FindRoot(), "samples", "policies", "rank-bands.yaml"));
        _lead = LeadSnapshot.Parse(EvaluationBenchmarks.LeadLine).Value;

        // The same lead as it arrives, before any touch: its whole SLA lies ahead.
        _fresh = _lead with { Touches = [] };
        _at = Instant.FromUtc(2026, 11, 22, 12, 0);
        _arrival = Instant.FromUtc(2026, 11, 20, 15, 30);
        _policy.Timeline(_lead, _at);
    }

    [Benchmark(Baseline = true)]
    public LeadEvaluation EvaluateWithoutNextChange() => _policy.Evaluate(_lead, _at, EvaluationBenchmarks.Bare);

    [Benchmark]
    public LeadEvaluation EvaluateWithNextChange() => _policy.Evaluate(_lead, _at, EvaluationOptions.WithoutTrace);

    [Benchmark]
    public LeadTimeline Timeline() => _policy.Timeline(_lead, _at);

    [Benchmark]
    public LeadTimeline TimelineFromArrival() => _policy.Timeline(_fresh, _arrival);
}
