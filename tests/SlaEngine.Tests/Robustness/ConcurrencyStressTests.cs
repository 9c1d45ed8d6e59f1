using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using NodaTime;
using SlaEngine.Evaluation;
using Xunit.Abstractions;
using SlaEngine.DependencyInjection;

namespace SlaEngine.Tests.Robustness;

/// <summary>
/// Many threads evaluate leads through a <see cref="PolicyStore"/> while another thread swaps the policy file on disk
/// between two versions and reloads. Every result must be exactly what a single-threaded evaluation of the version it
/// used gives. Runs about 3 s; set SLAENGINE_STRESS_SECONDS for longer runs.
/// </summary>
public sealed class ConcurrencyStressTests(ITestOutputHelper output) : IDisposable
{
    private const string PolicyId = "lattice-predictive";

    private static readonly string Conformance = Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "evaluation");

    private static readonly TimeSpan RunTime = TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_STRESS_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : 3);

    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);

    private readonly string _directory = Directory.CreateTempSubdirectory("slaengine-stress-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EvaluateWhileReloading_EveryResultMatchesTheVersionItUsed()
    {
        // Version 1 is the conformance policy; version 2 doubles the tier-A first-touch budget, so the two versions
        // give different answers for some leads (checked below, or the test would prove nothing).
        var original = File.ReadAllText(Path.Combine(Conformance, "lattice-predictive.yaml"));
        Assert.Contains("version: 3 ", original, StringComparison.Ordinal);
        Assert.Contains("within: 2 business hours", original, StringComparison.Ordinal);
        var versions = new Dictionary<int, string>
        {
            [1] = WithVersion(original, 1),
            [2] = WithVersion(original, 2).Replace("within: 2 business hours", "within: 4 business hours", StringComparison.Ordinal),
        };

        var leads = Directory.GetFiles(Conformance, "lattice-predictive-*-leads.jsonl")
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)
            .Select(line => LeadSnapshot.Parse(line))
            .Where(r => r.Success)
            .Select(r => r.Value)
            .ToArray();
        Assert.NotEmpty(leads);

        // The single-threaded reference: each version's output for each lead, with the trace.
        var expected = versions.ToDictionary(
            v => v.Key,
            v =>
            {
                var policy = PolicyLoader.Load(v.Value, "v" + v.Key.ToString(CultureInfo.InvariantCulture) + ".yaml");
                return leads.Select(l => EvaluationJson.Serialize(policy.Evaluate(l, At), includeTrace: true)).ToArray();
            });
        Assert.Contains(Enumerable.Range(0, leads.Length), i => expected[1][i] != expected[2][i]);

        var file = Path.Combine(_directory, "policy.yaml");
        File.WriteAllText(file, versions[1]);
        var store = new PolicyStore(new SlaEngineOptions().AddPolicyDirectory(_directory));
        Assert.Equal(1, store.GetActive(PolicyId).Version);

        var failures = new ConcurrentQueue<string>();
        var evaluationsByVersion = new long[3];
        var reloads = 0;
        var failedReloads = 0;
        var stopwatch = Stopwatch.StartNew();
        bool Running() => stopwatch.Elapsed < RunTime && failures.IsEmpty;

        var reloader = new Thread(() =>
        {
            var next = 2;
            var temp = Path.Combine(_directory, "policy.tmp");
            while (Running())
            {
                // Replace the file atomically (a rename), so a reload sees one whole version or the other.
                File.WriteAllText(temp, versions[next]);
                File.Move(temp, file, overwrite: true);
                var result = store.Reload();
                if (!result.Success || result.Current.GetActive(PolicyId).Version != next)
                {
                    Interlocked.Increment(ref failedReloads);
                    failures.Enqueue("reload to version " + next.ToString(CultureInfo.InvariantCulture) + " failed: " + string.Join("; ", result.Diagnostics));
                }

                reloads++;
                next = 3 - next;
            }
        });

        var workers = Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount)).Select(w => new Thread(() =>
        {
            var i = w * 7;
            while (Running())
            {
                var index = i++ % leads.Length;

                // Alternate between the store and a snapshot taken first: both must be consistent.
                var policy = index % 2 == 0 ? store.GetActive(PolicyId) : store.Current.GetActive(PolicyId);
                var evaluation = policy.Evaluate(leads[index], At);
                var json = EvaluationJson.Serialize(evaluation, includeTrace: true);
                Interlocked.Increment(ref evaluationsByVersion[evaluation.PolicyVersion]);
                if (evaluation.PolicyVersion != policy.Version || json != expected[policy.Version][index])
                {
                    failures.Enqueue($"lead {leads[index].Id} under version {policy.Version}:\n{json}\nexpected:\n{expected[policy.Version][index]}");
                }
            }
        })).ToArray();

        reloader.Start();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        reloader.Join();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        output.WriteLine($"{workers.Length} workers, {reloads} reloads, evaluations: v1 {evaluationsByVersion[1]}, v2 {evaluationsByVersion[2]}");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(3)));
        Assert.Equal(0, failedReloads);
        Assert.True(reloads >= 10, $"only {reloads} reloads");
        Assert.True(evaluationsByVersion[1] > 0 && evaluationsByVersion[2] > 0, $"versions seen: v1 {evaluationsByVersion[1]}, v2 {evaluationsByVersion[2]}");
    }

    private static string WithVersion(string yaml, int version) =>
        yaml.Replace("version: 3 ", "version: " + version.ToString(CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal);
}
