using System.Runtime.InteropServices;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Benchmarks;

/// <summary>
/// A cross-check for a busy machine (<c>dotnet run -c Release -- --thread-cpu</c>): the thread's own CPU time per
/// operation (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), which time spent waiting for a core does not inflate.
/// BenchmarkDotNet's wall-clock figures stay the reference on a quiet machine.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Runs one operation in a loop for a number of seconds (for a profiler such as <c>perf</c>).</summary>
    internal static void Loop(string name, double seconds)
    {
        var timeline = new TimelineBenchmarks();
        timeline.Setup();
        var evaluation = new EvaluationBenchmarks();
        evaluation.Setup();
        Func<object> operation = name switch
        {
            "evaluate" => () => timeline.EvaluateWithoutNextChange(),
            "next" => () => timeline.EvaluateWithNextChange(),
            "parse" => () => evaluation.Parse(),
            "write" => () => evaluation.Write(),
            "line" => () => evaluation.ReadEvaluateWrite(),
            "timeline" => () => timeline.TimelineFromArrival(),
            "mix" or "mixparse" or "mixwrite" => Mix(name),
            _ => throw new ArgumentException($"unknown operation {name}", nameof(name)),
        };
        if (seconds < 0)
        {
            // A negative figure is a count of calls instead of seconds (for instruction counts: perf stat -e instructions).
            for (var n = (long)-seconds; n > 0; n--)
            {
                operation();
            }

            return;
        }

        var end = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < end)
        {
            for (var i = 0; i < 10_000; i++)
            {
                operation();
            }
        }
    }

    /// <summary>
    /// Per-lead thread CPU time of reading, evaluating (with <c>next_change_at</c>) and writing over the first
    /// <paramref name="count"/> lines of a JSONL file (the mix of the throughput script's generated file).
    /// </summary>
    internal static void RunFile(string path, int count)
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(EvaluationBenchmarks.FindRoot(), "samples", "policies", "rank-bands.yaml"));
        var at = Instant.FromUtc(2026, 11, 22, 12, 0);
        var lines = File.ReadLines(path).Take(count).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var leads = lines.Select(l => LeadSnapshot.Parse(l).Value).ToArray();
        var results = leads.Select(l => policy.TryEvaluate(l, at)).ToArray();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        using var writer = new System.Text.Json.Utf8JsonWriter(buffer, EvaluationJson.WriterOptions);
        void Each(string name, Action<int> operation)
        {
            var best = double.MaxValue;
            for (var round = 0; round < 6; round++)
            {
                var start = Now();
                for (var i = 0; i < lines.Length; i++)
                {
                    operation(i);
                }

                best = Math.Min(best, (Now() - start) / lines.Length);
            }

            Console.WriteLine($"{name,-50} {best * 1e6,8:0.00} µs thread CPU per lead (best of 6 × {lines.Length:N0})");
        }

        Each("Reading a line", i => LeadSnapshot.Parse(lines[i]));
        Each("Evaluate + next_change_at", i => policy.TryEvaluate(leads[i], at));
        Each("Evaluate, no next_change_at", i => policy.TryEvaluate(leads[i], at, EvaluationBenchmarks.Bare));
        Each("Writing the result", i =>
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            EvaluationJson.Write(writer, results[i], EvaluationJsonOptions.Default, null);
            writer.Flush();
        });
        Each("Line -> evaluation -> line", i =>
        {
            var result = policy.TryEvaluate(LeadSnapshot.Parse(lines[i]).Value, at);
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            EvaluationJson.Write(writer, result, EvaluationJsonOptions.Default, null);
            writer.Flush();
        });
    }

    /// <summary>
    /// One lead of the throughput script's file per call, in turn: evaluated with <c>next_change_at</c> (<c>mix</c>), read
    /// (<c>mixparse</c>) or its evaluation written (<c>mixwrite</c>).
    /// </summary>
    private static Func<object> Mix(string name)
    {
        var root = EvaluationBenchmarks.FindRoot();
        var policy = PolicyLoader.LoadFile(Path.Combine(root, "samples", "policies", "rank-bands.yaml"));
        var at = Instant.FromUtc(2026, 11, 22, 12, 0);
        var lines = File.ReadLines(Path.Combine(root, "artifacts", "throughput", "leads-1000000.jsonl")).Take(20_000).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var leads = lines.Select(l => LeadSnapshot.Parse(l).Value).ToArray();
        var results = leads.Select(l => policy.TryEvaluate(l, at)).ToArray();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        var writer = new System.Text.Json.Utf8JsonWriter(buffer, EvaluationJson.WriterOptions);
        var i = 0;
        return name switch
        {
            "mixparse" => () => LeadSnapshot.Parse(lines[i++ % lines.Length]),
            "mixwrite" => () =>
            {
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                EvaluationJson.Write(writer, results[i++ % results.Length], EvaluationJsonOptions.Default, null);
                writer.Flush();
                return buffer.WrittenCount;
            },
            _ => () => policy.TryEvaluate(leads[i++ % leads.Length], at),
        };
    }

    internal static void Run()
    {
        var timeline = new TimelineBenchmarks();
        timeline.Setup();
        var evaluation = new EvaluationBenchmarks();
        evaluation.Setup();
        Measure("Evaluate (no trace, no next_change_at)", () => timeline.EvaluateWithoutNextChange());
        Measure("Evaluate with next_change_at", () => timeline.EvaluateWithNextChange());
        Measure("Evaluate with trace (Explain)", () => evaluation.EvaluateWithTrace());
        Measure("Reading the JSON line", () => evaluation.Parse());
        Measure("Writing the JSON line", () => evaluation.Write());
        Measure("JSON line -> evaluation -> JSON line", () => evaluation.ReadEvaluateWrite());
        Measure("Timeline (366 days) from 2026-11-22", () => timeline.Timeline());
        Measure("Timeline (366 days) from arrival, no touches", () => timeline.TimelineFromArrival());
    }

    private static void Measure(string name, Func<object> operation)
    {
        for (var i = 0; i < 20_000; i++)
        {
            operation();
        }

        var best = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            const int n = 20_000;
            var start = Now();
            for (var i = 0; i < n; i++)
            {
                operation();
            }

            best = Math.Min(best, (Now() - start) / n);
        }

        Console.WriteLine($"{name,-50} {best * 1e6,8:0.00} µs thread CPU (best of 7 × 20,000)");
    }

    private static double Now()
    {
        _ = ClockGetTime(ClockThreadCpuTimeId, out var spec);
        return spec.Seconds + (spec.Nanoseconds / 1e9);
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec value);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
