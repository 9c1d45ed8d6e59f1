using System.Buffers;
using System.Text;
using System.Text.Json;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Tests.Evaluation;
using Xunit.Abstractions;

namespace SlaEngine.Tests.Performance;

/// <summary>
/// Allocation budgets of the hot paths, on the lead and policy of the benchmarks (L-1001 under the rank-band sample
/// policy at 2026-11-22T12:00Z). Bytes are counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/> over many
/// warm iterations, so the figure is exact and does not depend on the machine's load; times are measured by the
/// benchmarks (tests/SlaEngine.Benchmarks), never asserted here. Each budget is what the code allocates today plus a
/// small margin: a change that allocates more per lead fails here, and a change that allocates less should lower the
/// budget.
/// </summary>
public sealed class AllocationBudgetTests
{
    private const int Warmup = 200;
    private const int Iterations = 2_000;

    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);
    private static readonly EvaluationOptions Bare = new() { IncludeTrace = false, IncludeNextChange = false };

    private static readonly byte[] Line = Encoding.UTF8.GetBytes("""
        {"id":"L-1001","mql_at":"2026-11-20T15:30:00Z","attributes":{"employees":250,"rank":91,"purchase_timeline":"1-6 months","email":"ana@acme.com","title":"VP Marketing","country":"US"},"events":[{"type":"whitepaper_download","at":"2026-11-01T10:00:00Z"},{"type":"webinar_attended","at":"2026-11-10T10:00:00Z"}],"touches":[{"channel":"call","at":"2026-11-20T16:10:00Z","outcome":"no_answer"},{"channel":"email","at":"2026-11-20T18:00:00Z"}],"paused":[{"from":"2026-11-21T00:00:00Z","to":"2026-11-22T00:00:00Z"}]}
        """);

    private readonly ITestOutputHelper _output;

    public AllocationBudgetTests(ITestOutputHelper output) => _output = output;

    // Target: ≤ 512 B per evaluation without trace.
    [Fact]
    public void Evaluate_WithoutTrace_StaysWithinBudget()
    {
        var policy = TestPolicies.Sample("rank-bands.yaml");
        var lead = LeadSnapshot.Parse(Line).Value;
        AssertBudget("Evaluate, no trace, no next_change_at", EvaluateBudget, () => _ = policy.Evaluate(lead, At, Bare));
    }

    // Target: ≤ 2 µs with next_change_at (time, measured by the benchmarks); no allocation target of its own.
    [Fact]
    public void Evaluate_WithNextChange_StaysWithinBudget()
    {
        var policy = TestPolicies.Sample("rank-bands.yaml");
        var lead = LeadSnapshot.Parse(Line).Value;
        AssertBudget("Evaluate + next_change_at", NextChangeBudget, () => _ = policy.Evaluate(lead, At, EvaluationOptions.WithoutTrace));
    }

    // Target: a JSON line read, evaluated (with next_change_at, as the tool does) and written ≤ 1 KB.
    [Fact]
    public void JsonLine_ReadEvaluateWrite_StaysWithinBudget()
    {
        var policy = TestPolicies.Sample("rank-bands.yaml");
        var buffer = new ArrayBufferWriter<byte>(1 << 12);
        using var writer = new Utf8JsonWriter(buffer, EvaluationJson.WriterOptions);
        AssertBudget("JSON line -> evaluation -> JSON line", JsonLineBudget, () =>
        {
            var lead = LeadSnapshot.Parse(Line).Value;
            var result = policy.TryEvaluate(lead, At, EvaluationOptions.WithoutTrace);
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            EvaluationJson.Write(writer, result, EvaluationJsonOptions.Default, null);
            writer.Flush();
        });
        Assert.Contains("\"status\":", Encoding.UTF8.GetString(buffer.WrittenSpan), StringComparison.Ordinal);
    }

    // Reading the line alone: part of the JSON line's budget.
    [Fact]
    public void LeadParse_StaysWithinBudget() =>
        AssertBudget("LeadSnapshot.Parse", ParseBudget, () => _ = LeadSnapshot.Parse(Line).Value);

    // Measured on 2026-12-02 (bytes per call): Evaluate 880 (session 3: 816, at its start 1,664); + next_change_at
    // 1,240 (1,176; 2,416); JSON line 1,968 (1,904; 4,328); Parse 728 (728; 1,912). The condition scope now maps the
    // policy's attribute slots to the lead's attributes inside itself (+32 B), and a timeline walk's scope remembers
    // the steady scoring conditions. The targets (512 B and 1 KB) are not met: what is left is the result objects
    // themselves, see docs/performance.md.
    private const long EvaluateBudget = 900;
    private const long NextChangeBudget = 1_260;
    private const long JsonLineBudget = 2_000;
    private const long ParseBudget = 760;

    private void AssertBudget(string what, long budget, Action action)
    {
        // On a thread of its own: the lead reader's per-thread string cache starts empty, not filled by other tests.
        long perCall = 0;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Measure();
            }
            catch (Exception e)
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
        });
        thread.Start();
        thread.Join();
        failure?.Throw();
        _output.WriteLine($"{what}: {perCall} B per call (budget {budget} B)");
        Assert.True(perCall > 0, $"{what}: nothing was measured");
        Assert.True(perCall <= budget, $"{what} allocates {perCall} B per call; its budget is {budget} B");

        void Measure()
        {
            for (var i = 0; i < Warmup; i++)
            {
                action();
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Iterations; i++)
            {
                action();
            }

            perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Iterations;
        }
    }
}
