using SlaEngine.Conditions;
using SlaEngine.DependencyInjection;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Tests.Infrastructure;

namespace SlaEngine.Monitor.Tests.Scheduling;

/// <summary>The scheduler: leads woken at their next change, leases shared by several monitors, policies reloaded.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SchedulerTests(PostgresCluster cluster)
{
    private static readonly Instant T0 = MonitorHarness.Start;

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task RunDue_WakesALeadAtItsNextChange_NotASecondBefore(string provider)
    {
        await using var harness = await CreateAsync(provider, [("monitor-test.yaml", TestPolicies.Standard())]);
        await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-1") { MqlAt = T0 });
        var next = (await harness.Monitor.GetLeadAsync("L-1"))!.NextChangeAt!.Value;

        harness.Clock.Now = next - Duration.FromSeconds(1);
        var early = await harness.Monitor.RunDueAsync();
        harness.Clock.Now = next;
        var onTime = await harness.Monitor.RunDueAsync();

        Assert.Equal(0, early);
        Assert.Equal(1, onTime);
        var feed = await harness.Monitor.ReadTransitionsAsync(0);
        Assert.NotEmpty(feed.Items);
        Assert.All(feed.Items, t => Assert.Equal(next, t.At));
        Assert.All(feed.Items, t => Assert.Equal(next, t.RecordedAt));
        Assert.True((await harness.Monitor.GetLeadAsync("L-1"))!.NextChangeAt > next);
    }

    [Fact]
    public async Task RunDue_TwoMonitorsOnOnePostgreSql_ShareTheLeadsWithoutTakingOneTwice()
    {
        var connection = await cluster.CreateDatabaseAsync();
        var directory = MonitorHarness.TempDirectory();
        var clock = new TestClock(T0);
        await using var a = await MonitorHarness.CreateAsync("postgres", connection, [("monitor-test.yaml", TestPolicies.Standard())], o => o.BatchSize = 7, clock, directory);
        await using var b = await MonitorHarness.CreateAsync("postgres", connection, [], o => o.BatchSize = 7, clock, directory);
        for (var i = 0; i < 120; i++)
        {
            await a.Monitor.UpsertAsync("monitor-test", new LeadSnapshot($"L-{i}") { MqlAt = T0 });
        }

        clock.Now = T0 + Duration.FromHours(4) + Duration.FromSeconds(1);
        // Rounds in which both monitors take a batch at the same moment, until nothing is due: each lead leased by one.
        var counts = new int[2];
        while (true)
        {
            var round = await Task.WhenAll(a.Monitor.RunDueAsync(), b.Monitor.RunDueAsync());
            counts[0] += round[0];
            counts[1] += round[1];
            if (round[0] + round[1] == 0)
            {
                break;
            }
        }

        Assert.Equal(120, counts.Sum());
        Assert.All(counts, c => Assert.True(c > 0, $"one monitor took no lead: {string.Join(", ", counts)}"));
        var feed = await a.Monitor.ReadTransitionsAsync(0, 10_000);
        Assert.Equal(feed.Items.Length, feed.Items.Select(t => t.Key).Distinct().Count());
        Assert.Equal(120, feed.Items.Count(t => t.Subject == "first_touch" && t.ToJson == "\"breached\""));
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Reload_NewVersionAppliesAtTheLeadsNextEvaluation(string provider)
    {
        await using var harness = await CreateAsync(provider, [("monitor-test.yaml", TestPolicies.Standard(version: 1, firstRung: "8 hours"))]);
        await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-1") { MqlAt = T0 });
        await File.WriteAllTextAsync(Path.Combine(harness.PolicyDirectory, "monitor-test.yaml"), TestPolicies.Standard(version: 2, firstRung: "12 hours"));

        var reload = harness.Policies.Reload();
        harness.Clock.Now = T0 + Duration.FromHours(13);
        await harness.Monitor.RunDueAsync();

        Assert.True(reload.Success);
        var keys = (await harness.Monitor.ReadTransitionsAsync(0)).Items.Select(t => t.Key).ToList();
        Assert.Contains("L-1|monitor-test@2|escalation_1|fired|true|2026-11-16T21:00:00Z", keys);
        Assert.DoesNotContain(keys, k => k.Contains("@1|escalation_1", StringComparison.Ordinal));
        Assert.All((await harness.Monitor.ReadTransitionsAsync(0)).Items, t => Assert.Equal(2, t.PolicyVersion));
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Reload_PinnedTierHolds(string provider)
    {
        await using var harness = await CreateAsync(provider, [("ranked.yaml", TestPolicies.Ranked(version: 1))]);
        var lead = new LeadSnapshot("L-1")
        {
            MqlAt = T0,
            Attributes = System.Collections.Immutable.ImmutableDictionary<string, LeadValue>.Empty.Add("rank", 50),
            Assigned = new LeadAssignment { Tier = "fast", Team = null },
        };
        var first = await harness.Monitor.UpsertAsync("ranked", lead);
        await File.WriteAllTextAsync(Path.Combine(harness.PolicyDirectory, "ranked.yaml"), TestPolicies.Ranked(version: 2));
        harness.Policies.Reload();
        harness.Clock.Advance(Duration.FromMinutes(10));

        var after = await harness.Monitor.GetLeadAsync("L-1");

        Assert.Equal("fast", first.Evaluation!.Tier);
        Assert.Equal(T0 + Duration.FromHours(1), first.Evaluation.Milestone("first_touch")!.Due);
        Assert.Equal("fast", after!.Evaluation!.Tier);
        Assert.Equal(2, after.Evaluation.PolicyVersion);
        Assert.Equal(T0 + Duration.FromHours(2), after.Evaluation.Milestone("first_touch")!.Due);
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task PolicyRemoved_LeadIsReportedAndKept_ThenResumesWhenItReturns(string provider)
    {
        await using var harness = await CreateAsync(
            provider, [("monitor-test.yaml", TestPolicies.Standard()), ("other.yaml", TestPolicies.Standard(id: "other"))], o => o.UnevaluableRetry = Duration.FromMinutes(5));
        await harness.Monitor.UpsertAsync("other", new LeadSnapshot("L-1") { MqlAt = T0 });
        var otherPath = Path.Combine(harness.PolicyDirectory, "other.yaml");
        File.Move(otherPath, otherPath + ".off");
        Assert.True(harness.Policies.Reload().Success);
        harness.Clock.Now = T0 + Duration.FromHours(5);

        await harness.Monitor.RunDueAsync();
        var reported = await harness.Monitor.GetLeadAsync("L-1");
        var listed = await harness.Monitor.ListUnevaluableLeadsAsync();
        var status = await harness.Monitor.GetStatusAsync();

        Assert.NotNull(reported);
        Assert.Equal(MonitorErrorCodes.PolicyNotLoaded, reported!.ProblemCode);
        Assert.Contains("other", reported.Problem, StringComparison.Ordinal);
        Assert.Equal("L-1", Assert.Single(listed).LeadId);
        Assert.Equal(1, status.UnevaluableLeads);
        Assert.Equal(T0 + Duration.FromHours(5) + Duration.FromMinutes(5), reported.NextChangeAt);

        File.Move(otherPath + ".off", otherPath);
        Assert.True(harness.Policies.Reload().Success);
        harness.Clock.Advance(Duration.FromMinutes(5));
        await harness.Monitor.RunDueAsync();

        var resumed = await harness.Monitor.GetLeadAsync("L-1");
        Assert.Null(resumed!.ProblemCode);
        Assert.Equal(0, (await harness.Monitor.GetStatusAsync()).UnevaluableLeads);
        Assert.Contains((await harness.Monitor.ReadTransitionsAsync(0)).Items, t => t.Key == "L-1|other@1|first_touch|status|\"breached\"|2026-11-16T13:00:01Z");
    }

    [Fact]
    public async Task RunDue_OneLeadThatCannotBeRead_IsReportedAndTheRestOfItsBatchRecorded()
    {
        var connection = await MonitorHarness.ConnectionStringAsync("sqlite", cluster);
        await using var harness = await MonitorHarness.CreateAsync("sqlite", connection, [("monitor-test.yaml", TestPolicies.Standard())]);
        await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-1") { MqlAt = T0 });
        await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-2") { MqlAt = T0 });
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection(connection))
        {
            await db.OpenAsync();
            await using var corrupt = db.CreateCommand();
            corrupt.CommandText = "UPDATE sla_leads SET snapshot = '{\"id\": 7' WHERE id = 'L-1'";
            await corrupt.ExecuteNonQueryAsync();
        }

        harness.Clock.Now = T0 + Duration.FromHours(5);
        var taken = await harness.Monitor.RunDueAsync();
        var broken = await harness.Monitor.GetLeadAsync("L-1");

        Assert.Equal(2, taken);
        Assert.Equal(MonitorErrorCodes.EvaluationFailed, broken!.ProblemCode);
        Assert.Equal(["L-2"], (await harness.Monitor.ReadTransitionsAsync(0)).Items.Select(t => t.LeadId).Distinct());
        Assert.Equal("L-1", Assert.Single(await harness.Monitor.ListUnevaluableLeadsAsync()).LeadId);
    }

    private async Task<MonitorHarness> CreateAsync(string provider, (string, string)[] policies, Action<SlaMonitorOptions>? configure = null) =>
        await MonitorHarness.CreateAsync(provider, await MonitorHarness.ConnectionStringAsync(provider, cluster), policies, configure);
}
