using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Tests.Infrastructure;

namespace SlaEngine.Monitor.Tests.Storage;

/// <summary>The input API on both databases: a write is evaluated at once and recorded with the transitions already due.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class WriteTests(PostgresCluster cluster)
{
    private static readonly Instant T0 = MonitorHarness.Start;

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Upsert_LeadThatArrivesBreached_RecordsEveryTransitionSinceItsSlaStart(string provider)
    {
        await using var harness = await CreateAsync(provider);
        var lead = new LeadSnapshot("L-1") { MqlAt = T0 - Duration.FromHours(10) };

        var result = await harness.Monitor.UpsertAsync("monitor-test", lead);

        Assert.True(result.Success, result.ErrorMessage);
        Assert.Equal(MilestoneStatus.Breached, result.Evaluation!.Milestone("first_touch")!.Status);
        var keys = result.Recorded.Select(t => t.Key).ToList();
        Assert.Contains("L-1|monitor-test@1|first_touch|status|\"breached\"|2026-11-16T03:00:01Z", keys);
        Assert.Contains("L-1|monitor-test@1|escalation_1|fired|true|2026-11-16T07:00:00Z", keys);
        Assert.All(result.Recorded, t => Assert.True(t.At <= T0 && t.At > lead.MqlAt));
        Assert.Equal(result.Recorded.Select(t => t.Seq).Order(), result.Recorded.Select(t => t.Seq));
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Upsert_SameSnapshotAgain_RecordsNothingTwice(string provider)
    {
        await using var harness = await CreateAsync(provider);
        var lead = new LeadSnapshot("L-1") { MqlAt = T0 - Duration.FromHours(10) };
        var first = await harness.Monitor.UpsertAsync("monitor-test", lead);
        harness.Clock.Advance(Duration.FromMinutes(1));

        var second = await harness.Monitor.UpsertAsync("monitor-test", lead);

        Assert.NotEmpty(first.Recorded);
        Assert.Empty(second.Recorded);
        var feed = await harness.Monitor.ReadTransitionsAsync(0, 1000);
        Assert.Equal(first.Recorded.Select(t => t.Key), feed.Items.Select(t => t.Key));
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task AppendTouch_DatedInThePast_RecordsTheNewTimelinesNewKeysOnce(string provider)
    {
        await using var harness = await CreateAsync(provider);
        var start = T0 - Duration.FromHours(10);
        await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-1") { MqlAt = start });
        harness.Clock.Advance(Duration.FromMinutes(5));
        var touch = new LeadTouch { Channel = "call", At = start + Duration.FromHours(2) };

        var appended = await harness.Monitor.AppendTouchAsync("L-1", touch);
        var again = await harness.Monitor.AppendTouchAsync("L-1", touch);

        Assert.True(appended.Success, appended.ErrorMessage);
        Assert.Equal(MilestoneStatus.Met, appended.Evaluation!.Milestone("first_touch")!.Status);
        Assert.Contains(appended.Recorded, t => t.Key == "L-1|monitor-test@1|first_touch|status|\"met\"|2026-11-16T01:00:00Z");
        Assert.Empty(again.Recorded);
        var lead = await harness.Monitor.GetLeadAsync("L-1");
        Assert.Single(lead!.Snapshot.Touches);
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Upsert_WithoutMqlAt_FixesTheSlaStartAtTheFirstQualifyingWrite(string provider)
    {
        await using var harness = await CreateAsync(provider);
        var lead = new LeadSnapshot("L-2");
        await harness.Monitor.UpsertAsync("monitor-test", lead);
        harness.Clock.Advance(Duration.FromHours(1));

        var later = await harness.Monitor.UpsertAsync("monitor-test", lead);
        var stored = await harness.Monitor.GetLeadAsync("L-2");

        Assert.Equal(T0, stored!.SlaStart);
        Assert.Null(stored.Snapshot.MqlAt);
        Assert.Equal(T0 + Duration.FromHours(4), later.Evaluation!.Milestone("first_touch")!.Due);
        Assert.Equal(T0, later.Evaluation.SlaStart);
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Writes_RefusedWithCodes_StoreNothing(string provider)
    {
        await using var harness = await CreateAsync(provider);

        var unknownPolicy = await harness.Monitor.UpsertAsync("nope", new LeadSnapshot("L-3"));
        var unknownLead = await harness.Monitor.AppendTouchAsync("L-404", new LeadTouch { Channel = "call", At = T0 });
        var noPolicy = await harness.Monitor.UpsertAsync(null, new LeadSnapshot("L-5"));
        var badPin = await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-6") { Assigned = new LeadAssignment { Tier = "platinum", Team = null } });

        Assert.Equal(MonitorErrorCodes.UnknownPolicy, unknownPolicy.ErrorCode);
        Assert.Equal(MonitorErrorCodes.UnknownLead, unknownLead.ErrorCode);
        Assert.Equal(MonitorErrorCodes.PolicyRequired, noPolicy.ErrorCode);
        Assert.Equal(MonitorErrorCodes.InvalidLead, badPin.ErrorCode);
        Assert.Contains("platinum", badPin.ErrorMessage, StringComparison.Ordinal);
        Assert.All(new[] { unknownPolicy, unknownLead, noPolicy, badPin }, r => Assert.False(r.Stored));
        foreach (var id in new[] { "L-3", "L-404", "L-5", "L-6" })
        {
            Assert.Null(await harness.Monitor.GetLeadAsync(id));
        }
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Appends_EventPauseDisposition_AreStoredAndEvaluated(string provider)
    {
        await using var harness = await CreateAsync(provider);
        await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-7") { MqlAt = T0 });
        harness.Clock.Advance(Duration.FromHours(1));

        var evented = await harness.Monitor.AppendEventAsync("L-7", new LeadEvent { Type = "webinar", At = T0 });
        var paused = await harness.Monitor.AppendPauseAsync("L-7", new Interval(T0, T0 + Duration.FromHours(2)));
        var closed = await harness.Monitor.SetDispositionAsync("L-7", new LeadDisposition { Outcome = DispositionOutcome.Convert, At = T0 + Duration.FromMinutes(30) });

        Assert.True(evented.Success && paused.Success && closed.Success);
        Assert.Equal(T0 + Duration.FromHours(6), paused.Evaluation!.Milestone("first_touch")!.Due);
        Assert.Equal(LeadStatus.Converted, closed.Evaluation!.Status);
        var stored = await harness.Monitor.GetLeadAsync("L-7");
        Assert.Single(stored!.Snapshot.Events);
        Assert.Single(stored.Snapshot.Paused.Intervals);
        Assert.Equal(DispositionOutcome.Convert, stored.Snapshot.Disposition!.Outcome);
        Assert.Contains(closed.Recorded, t => t.Subject == "lead" && t.Field == "status" && t.ToJson == "\"converted\"");
        Assert.Null(stored.NextChangeAt);
    }

    [Fact]
    public async Task Sqlite_AcknowledgedWrites_SurviveReopeningTheFile()
    {
        var connection = await MonitorHarness.ConnectionStringAsync("sqlite", cluster);
        string policies;
        await using (var first = await MonitorHarness.CreateAsync("sqlite", connection, [("monitor-test.yaml", TestPolicies.Standard())]))
        {
            policies = first.PolicyDirectory;
            await first.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-8") { MqlAt = T0 - Duration.FromHours(10) });
        }

        await using var second = await MonitorHarness.CreateAsync("sqlite", connection, [], policyDirectory: policies);
        var lead = await second.Monitor.GetLeadAsync("L-8");
        var feed = await second.Monitor.ReadTransitionsAsync(0);

        Assert.NotNull(lead);
        Assert.NotEmpty(feed.Items);
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Feed_PagesInRecordingOrderAfterACursor(string provider)
    {
        await using var harness = await CreateAsync(provider);
        for (var i = 0; i < 5; i++)
        {
            await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot($"L-{i}") { MqlAt = T0 - Duration.FromHours(30) });
        }

        var all = await harness.Monitor.ReadTransitionsAsync(0, 10_000);
        var pages = new List<RecordedTransition>();
        long cursor = 0;
        while (true)
        {
            var page = await harness.Monitor.ReadTransitionsAsync(cursor, 3);
            if (page.Items.IsEmpty)
            {
                Assert.Equal(cursor, page.Next);
                break;
            }

            pages.AddRange(page.Items);
            cursor = page.Next;
        }

        Assert.Equal(all.Items.Select(t => t.Seq), pages.Select(t => t.Seq));
        Assert.True(all.Items.Length >= 5 * 3);
        Assert.Equal(all.Items.Select(t => t.Seq).Order(), all.Items.Select(t => t.Seq));
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Migrate_ManyMonitorsAtOnce_AppliesTheSchemaOnce(string provider)
    {
        var connection = await MonitorHarness.ConnectionStringAsync(provider, cluster);
        var directory = MonitorHarness.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(directory, "monitor-test.yaml"), TestPolicies.Standard());
        var harnesses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => MonitorHarness.CreateAsync(provider, connection, [], policyDirectory: directory)));
        try
        {
            var status = await harnesses[0].Monitor.GetStatusAsync();
            Assert.Equal(2, status.SchemaVersion);
            Assert.True((await harnesses[3].Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-9"))).Success);
        }
        finally
        {
            foreach (var harness in harnesses)
            {
                await harness.DisposeAsync();
            }
        }
    }

    private async Task<MonitorHarness> CreateAsync(string provider) =>
        await MonitorHarness.CreateAsync(provider, await MonitorHarness.ConnectionStringAsync(provider, cluster), [("monitor-test.yaml", TestPolicies.Standard())]);
}
