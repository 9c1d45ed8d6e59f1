using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Load;
using SlaEngine.Monitor.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SlaEngine.Monitor.Tests.Crash;

/// <summary>
/// Many leads seeded at T0; monitor processes run the scheduler and delivery under a clock they share with the test
/// (a mapped file) while the test advances it over days and kills processes with SIGKILL at random moments, restarting
/// them; then the clock stops at the end and the processes drain. The result is compared with the library's timeline.
/// </summary>
internal sealed class CrashScenario
{
    internal static readonly Instant T0 = MonitorHarness.Start;

    internal required string Provider { get; init; }

    internal required string ConnectionString { get; init; }

    internal required int Leads { get; init; }

    internal required int Processes { get; init; }

    internal required ITestOutputHelper Output { get; init; }

    internal Duration Window { get; init; } = Duration.FromDays(4);

    internal Duration Step { get; init; } = Duration.FromMinutes(45);

    internal int Seed { get; init; } = 20261202;

    internal int Kills { get; private set; }

    internal async Task<CrashResult> RunAsync()
    {
        var directory = MonitorHarness.TempDirectory();
        var policyYaml = TestPolicies.Standard();
        await File.WriteAllTextAsync(Path.Combine(directory, "monitor-test.yaml"), policyYaml);
        var clockPath = Path.Combine(directory, "clock");
        using var clock = new MappedFileClock(clockPath, T0);
        await using var receiver = await WebhookReceiver.StartAsync();
        var end = T0 + Window;

        // Seed through the same sink name, so the writes' transitions are queued for the receiver too.
        await using var harness = await MonitorHarness.CreateAsync(
            Provider, ConnectionString, [], o => o.AddWebhook("receiver", receiver.Url, receiver.Secret), clock, directory);
        var leads = Generate();
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(leads, new ParallelOptions { MaxDegreeOfParallelism = Provider == "postgres" ? 8 : 1 }, async (lead, _) =>
        {
            var result = await harness.Monitor.UpsertAsync("monitor-test", lead);
            Assert.True(result.Success, result.ErrorMessage);
        });
        Output.WriteLine($"{Leads} leads seeded in {seeding.Elapsed.TotalSeconds:0.0} s");

        var assembly = ChildProcess.Locate(Path.Combine("tests", "SlaEngine.Monitor.Load"), "SlaEngine.Monitor.Load.dll");
        ChildProcess StartChild(int n) => ChildProcess.Start(
            assembly,
            [
                "run", "--provider", Provider, "--database", ConnectionString, "--policies", directory, "--clock", clockPath,
                "--webhook", receiver.Url.ToString(), "--secret", receiver.Secret, "--instance", $"p{n}", "--lease-ms", "4000", "--batch", "100",
            ],
            "ready");
        var children = new ChildProcess[Processes];
        var random = new Random(Seed);
        try
        {
            for (var i = 0; i < Processes; i++)
            {
                children[i] = StartChild(i + 1);
            }

            foreach (var child in children)
            {
                await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            }

            var run = System.Diagnostics.Stopwatch.StartNew();
            var nextKill = TimeSpan.FromMilliseconds(random.Next(700, 2500));
            while (clock.GetCurrentInstant() < end)
            {
                await Task.Delay(100);
                clock.Advance(Step);
                if (run.Elapsed >= nextKill)
                {
                    var victim = random.Next(Processes);
                    children[victim].Kill();
                    Kills++;
                    children[victim].Dispose();
                    children[victim] = StartChild(victim + 1);
                    nextKill = run.Elapsed + TimeSpan.FromMilliseconds(random.Next(700, 2500));
                }
            }

            clock.Set(end);
            Output.WriteLine($"clock ran {Window.TotalDays} days in {run.Elapsed.TotalSeconds:0.0} s with {Kills} kills");
            foreach (var child in children)
            {
                await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            }

            var drain = System.Diagnostics.Stopwatch.StartNew();
            MonitorStatus status;
            while (true)
            {
                status = await harness.Monitor.GetStatusAsync();
                if (status.DueLeads == 0 && status.PendingDeliveries == 0)
                {
                    break;
                }

                Assert.True(drain.Elapsed < TimeSpan.FromSeconds(150), $"not drained: {status.DueLeads} due leads, {status.PendingDeliveries} pending deliveries\n{children[0].Output}");
                await Task.Delay(200);
            }

            Output.WriteLine($"drained in {drain.Elapsed.TotalSeconds:0.0} s");
            foreach (var child in children)
            {
                await child.StopAsync(TimeSpan.FromSeconds(20));
            }
        }
        finally
        {
            foreach (var child in children)
            {
                child?.Dispose();
            }
        }

        var recorded = new List<RecordedTransition>();
        long cursor = 0;
        while (true)
        {
            var page = await harness.Monitor.ReadTransitionsAsync(cursor, 10_000);
            if (page.Items.IsEmpty)
            {
                break;
            }

            recorded.AddRange(page.Items);
            cursor = page.Next;
        }

        var policy = harness.Policies.GetActive("monitor-test");
        var expected = leads.SelectMany(l => policy.Timeline(l, l.MqlAt!.Value, end).Transitions.Select(t => t.Key)).ToList();
        var missing = expected.Except(recorded.Select(t => t.Key), StringComparer.Ordinal).FirstOrDefault();
        if (missing is not null)
        {
            var id = missing.Split('|')[0];
            var lead = await harness.Monitor.GetLeadAsync(id);
            Output.WriteLine($"lead {id}: start {lead!.SlaStart}, last evaluated {lead.LastEvaluatedAt}, next change {lead.NextChangeAt}");
            Output.WriteLine("recorded: " + string.Join("\n  ", recorded.Where(t => t.LeadId == id).Select(t => $"{t.Key} at {t.RecordedAt}")));
            Output.WriteLine("expected: " + string.Join("\n  ", expected.Where(k => k.StartsWith(id + "|", StringComparison.Ordinal))));
        }
        return new CrashResult(recorded, expected, receiver.Seen.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), receiver.BadSignatures, Kills);
    }

    private List<LeadSnapshot> Generate()
    {
        var random = new Random(Seed);
        var leads = new List<LeadSnapshot>(Leads);
        for (var i = 0; i < Leads; i++)
        {
            var start = T0 - Duration.FromMinutes(random.Next(0, 12 * 60));
            var touches = ImmutableArray.CreateBuilder<LeadTouch>();
            if (random.NextDouble() < 0.5)
            {
                touches.Add(new LeadTouch { Channel = "call", At = start + Duration.FromMinutes(random.Next(10, 8 * 60)) });
            }

            if (random.NextDouble() < 0.3)
            {
                touches.Add(new LeadTouch { Channel = "call", At = start + Duration.FromMinutes(random.Next(8 * 60, 3 * 24 * 60)) });
            }

            var lead = new LeadSnapshot("L-" + i.ToString("D5", CultureInfo.InvariantCulture)) { MqlAt = start, Touches = touches.ToImmutable() };
            if (random.NextDouble() < 0.1)
            {
                lead = lead with { Disposition = new LeadDisposition { Outcome = DispositionOutcome.Convert, At = start + Duration.FromMinutes(random.Next(60, 3 * 24 * 60)) } };
            }

            leads.Add(lead);
        }

        return leads;
    }
}

/// <summary>What a crash scenario recorded and delivered, and what the timeline predicts.</summary>
internal sealed record CrashResult(List<RecordedTransition> Recorded, List<string> Expected, Dictionary<string, int> Delivered, int BadSignatures, int Kills)
{
    internal void AssertExactlyOnce(ITestOutputHelper output)
    {
        var recordedKeys = Recorded.Select(t => t.Key).ToList();
        var missing = Expected.Except(recordedKeys, StringComparer.Ordinal).Take(5).ToList();
        var unexpected = recordedKeys.Except(Expected, StringComparer.Ordinal).Take(5).ToList();
        var duplicates = Delivered.Values.Sum() - Delivered.Count;
        output.WriteLine($"{Expected.Count} transitions predicted, {Recorded.Count} recorded, {Delivered.Count} keys delivered ({duplicates} repeated deliveries), {Kills} kills");

        Assert.True(Kills >= 3, $"only {Kills} kills");
        Assert.True(Expected.Count > 0);
        Assert.Equal(Expected.Count, Expected.Distinct(StringComparer.Ordinal).Count());
        Assert.True(missing.Count == 0, "lost: " + string.Join(", ", missing));
        Assert.True(unexpected.Count == 0, "not predicted: " + string.Join(", ", unexpected));
        Assert.Equal(recordedKeys.Count, recordedKeys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Expected.Count, Recorded.Count);
        Assert.Equal(0, BadSignatures);
        Assert.Equal(Expected.Order(StringComparer.Ordinal), Delivered.Keys.Order(StringComparer.Ordinal));
    }
}
