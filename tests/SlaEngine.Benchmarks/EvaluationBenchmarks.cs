using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Benchmarks;

/// <summary>Full evaluation of one lead under the rank-band sample policy (target: at most 5 µs per lead, single-threaded).</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private SlaPolicy _policy = null!;
    private LeadSnapshot _lead = null!;
    private byte[] _json = null!;
    private Instant _at;

    [GlobalSetup]
    public void Setup()
    {
        _policy = PolicyLoader.LoadFile(Path.Combine(FindRoot(), "samples", "policies", "rank-bands.yaml"));
        _json = System.Text.Encoding.UTF8.GetBytes("""
            {"id":"L-1001","mql_at":"2026-11-20T15:30:00Z","attributes":{"employees":250,"rank":91,"purchase_timeline":"1-6 months","email":"ana@acme.com","title":"VP Marketing","country":"US"},"events":[{"type":"whitepaper_download","at":"2026-11-01T10:00:00Z"},{"type":"webinar_attended","at":"2026-11-10T10:00:00Z"}],"touches":[{"channel":"call","at":"2026-11-20T16:10:00Z","outcome":"no_answer"},{"channel":"email","at":"2026-11-20T18:00:00Z"}],"paused":[{"from":"2026-11-21T00:00:00Z","to":"2026-11-22T00:00:00Z"}]}
            """);
        _lead = LeadSnapshot.Parse(_json).Value;
        _at = Instant.FromUtc(2026, 11, 22, 12, 0);
        _policy.Evaluate(_lead, _at);
    }

    [Benchmark(Baseline = true)]
    public LeadEvaluation Evaluate() => _policy.Evaluate(_lead, _at, EvaluationOptions.WithoutTrace);

    [Benchmark]
    public LeadEvaluation EvaluateWithTrace() => _policy.Evaluate(_lead, _at);

    [Benchmark]
    public string ReadEvaluateWrite() => EvaluationJson.Serialize(_policy.Evaluate(LeadSnapshot.Parse(_json).Value, _at, EvaluationOptions.WithoutTrace));

    internal static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlaEngine.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
