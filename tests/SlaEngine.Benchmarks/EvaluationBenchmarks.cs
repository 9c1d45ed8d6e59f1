using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Benchmarks;

/// <summary>
/// One lead (L-1001: two events, two touches, a pause) under the rank-band sample policy at 2026-11-22T12:00Z,
/// single-threaded. Targets: <c>Evaluate</c> without trace ≤ 1 µs and ≤ 512 B; with <c>next_change_at</c> ≤ 2 µs;
/// the trace costs only when asked for; a JSON line read, evaluated and written ≤ 3 µs and ≤ 1 KB.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    /// <summary>The lead of the benchmarks, one JSON line.</summary>
    internal const string LeadLine = """
        {"id":"L-1001","mql_at":"2026-11-20T15:30:00Z","attributes":{"employees":250,"rank":91,"purchase_timeline":"1-6 months","email":"ana@acme.com","title":"VP Marketing","country":"US"},"events":[{"type":"whitepaper_download","at":"2026-11-01T10:00:00Z"},{"type":"webinar_attended","at":"2026-11-10T10:00:00Z"}],"touches":[{"channel":"call","at":"2026-11-20T16:10:00Z","outcome":"no_answer"},{"channel":"email","at":"2026-11-20T18:00:00Z"}],"paused":[{"from":"2026-11-21T00:00:00Z","to":"2026-11-22T00:00:00Z"}]}
        """;

    /// <summary>No trace and no next_change_at: the evaluation alone.</summary>
    internal static readonly EvaluationOptions Bare = new() { IncludeTrace = false, IncludeNextChange = false };

    private SlaPolicy _policy = null!;
    private LeadSnapshot _lead = null!;
    private byte[] _json = null!;
    private Instant _at;
    private ArrayBufferWriter<byte> _buffer = null!;
    private Utf8JsonWriter _writer = null!;
    private LeadEvaluationResult _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        _policy = PolicyLoader.LoadFile(Path.Combine(FindRoot(), "samples", "policies", "rank-bands.yaml"));
        _json = System.Text.Encoding.UTF8.GetBytes(LeadLine);
        _lead = LeadSnapshot.Parse(_json).Value;
        _at = Instant.FromUtc(2026, 11, 22, 12, 0);
        _buffer = new ArrayBufferWriter<byte>(1 << 12);
        _writer = new Utf8JsonWriter(_buffer, EvaluationJson.WriterOptions);
        _policy.Evaluate(_lead, _at);
        _result = _policy.TryEvaluate(_lead, _at, EvaluationOptions.WithoutTrace);
        ReadEvaluateWrite();
    }

    /// <summary>Evaluate without trace and without next_change_at (target ≤ 1 µs, ≤ 512 B).</summary>
    [Benchmark(Baseline = true)]
    public LeadEvaluation Evaluate() => _policy.Evaluate(_lead, _at, Bare);

    /// <summary>Evaluate + next_change_at, no trace: the default of <c>SlaPolicy.Evaluate</c> and the tool (target ≤ 2 µs).</summary>
    [Benchmark]
    public LeadEvaluation EvaluateWithNextChange() => _policy.Evaluate(_lead, _at);

    /// <summary>Evaluate with trace and next_change_at: <c>SlaPolicy.Explain</c>, what <c>--explain</c> does.</summary>
    [Benchmark]
    public LeadEvaluation EvaluateWithTrace() => _policy.Explain(_lead, _at);

    /// <summary>
    /// JSON line → evaluation → JSON line, as <c>slaengine evaluate</c> does it: UTF-8 bytes in, a reused
    /// <see cref="Utf8JsonWriter"/> over a reused buffer out (target ≤ 3 µs, ≤ 1 KB).
    /// </summary>
    [Benchmark]
    public int ReadEvaluateWrite()
    {
        var lead = LeadSnapshot.Parse(_json).Value;
        var result = _policy.TryEvaluate(lead, _at, EvaluationOptions.WithoutTrace);
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        EvaluationJson.Write(_writer, result, EvaluationJsonOptions.Default, null);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>The same path through the convenience API: <c>EvaluationJson.Serialize</c> to a string.</summary>
    [Benchmark]
    public string ReadEvaluateSerialize() => EvaluationJson.Serialize(_policy.Evaluate(LeadSnapshot.Parse(_json).Value, _at, EvaluationOptions.WithoutTrace));

    /// <summary>Writing the evaluation's JSON line alone, through a reused writer and buffer.</summary>
    [Benchmark]
    public int Write()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        EvaluationJson.Write(_writer, _result, EvaluationJsonOptions.Default, null);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>Reading the JSON line alone.</summary>
    [Benchmark]
    public LeadSnapshot Parse() => LeadSnapshot.Parse(_json).Value;

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
