using System.Runtime.InteropServices;
using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Benchmarks;

/// <summary>
/// A cross-check for a busy machine (<c>dotnet run -c Release -- --thread-cpu</c>): the thread's own CPU time per
/// operation (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), which time spent waiting for a core does not inflate.
/// BenchmarkDotNet's wall-clock figures stay the reference on a quiet machine.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

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
