using SlaEngine.Conditions;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Tests.Infrastructure;

namespace SlaEngine.Monitor.Tests.Storage;

/// <summary><see cref="SlaMonitor.ListLeadsAsync"/> on both databases: every lead of a policy, once, in keyset pages.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ListingTests(PostgresCluster cluster)
{
    private static readonly Instant T0 = MonitorHarness.Start;

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task ListLeads_AcrossSeveralPages_EveryLeadOfThePolicyOnceByIdAtOneInstant(string provider)
    {
        await using var harness = await CreateAsync(provider);

        // Two full pages of 256, then one more lead: the exact multiple and the partial last page are both crossed.
        var ids = Enumerable.Range(0, 513).Select(i => $"L-{i:D4}").ToList();
        foreach (var id in ids.AsEnumerable().Reverse())
        {
            Assert.True((await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot(id) { MqlAt = T0 - Duration.FromHours(1) })).Success);
        }

        foreach (var id in new[] { "L-0000x", "A-1", "Z-1" })
        {
            Assert.True((await harness.Monitor.UpsertAsync("ranked", new LeadSnapshot(id) { MqlAt = T0, Attributes = Rank(90) })).Success);
        }

        harness.Clock.Advance(Duration.FromMinutes(30));
        var listed = new List<MonitoredLead>();
        await foreach (var lead in harness.Monitor.ListLeadsAsync("monitor-test"))
        {
            listed.Add(lead);
            if (listed.Count == 300)
            {
                // A write during the listing, before the page being read: listed in no page, and nothing is listed twice.
                Assert.True((await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-0000a") { MqlAt = T0 })).Success);
            }
        }

        Assert.Equal(ids, listed.Select(l => l.LeadId));
        Assert.All(listed, l => Assert.Equal("monitor-test", l.PolicyId));
        Assert.All(listed, l => Assert.Equal(T0 + Duration.FromMinutes(30), l.Evaluation!.At));
        Assert.All(listed, l => Assert.Equal(MilestoneStatus.Pending, l.Evaluation!.Milestone("first_touch")!.Status));
        var ranked = new List<string>();
        await foreach (var lead in harness.Monitor.ListLeadsAsync("ranked"))
        {
            ranked.Add(lead.LeadId);
        }

        Assert.Equal(["A-1", "L-0000x", "Z-1"], ranked);
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task ListLeads_UnknownPolicy_ListsNothing_ALeadWithoutMqlAtKeepsItsFixedSlaStart(string provider)
    {
        await using var harness = await CreateAsync(provider);
        Assert.True((await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("N-1"))).Success);
        harness.Clock.Advance(Duration.FromHours(5));

        var unknown = await ToListAsync(harness.Monitor.ListLeadsAsync("nope"));
        var lead = Assert.Single(await ToListAsync(harness.Monitor.ListLeadsAsync("monitor-test")));

        Assert.Empty(unknown);
        Assert.Null(lead.Snapshot.MqlAt);
        Assert.Equal(T0, lead.SlaStart);
        Assert.Equal(T0, lead.EvaluatedSnapshot.MqlAt);
        Assert.Equal(T0, lead.Evaluation!.SlaStart);
        Assert.Equal(MilestoneStatus.Breached, lead.Evaluation.Milestone("first_touch")!.Status);
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task ListLeads_PolicyNoLongerLoaded_EveryLeadListedWithItsProblem(string provider)
    {
        await using var harness = await CreateAsync(provider);
        Assert.True((await harness.Monitor.UpsertAsync("ranked", new LeadSnapshot("R-1") { MqlAt = T0, Attributes = Rank(90) })).Success);
        Assert.True((await harness.Monitor.UpsertAsync("ranked", new LeadSnapshot("R-2") { MqlAt = T0, Attributes = Rank(10) })).Success);
        File.Delete(Path.Combine(harness.PolicyDirectory, "ranked.yaml"));
        Assert.True(harness.Policies.Reload().Success);

        var listed = await ToListAsync(harness.Monitor.ListLeadsAsync("ranked"));

        Assert.Equal(["R-1", "R-2"], listed.Select(l => l.LeadId));
        Assert.All(listed, l => Assert.Null(l.Evaluation));
        Assert.All(listed, l => Assert.Equal(MonitorErrorCodes.PolicyNotLoaded, l.ProblemCode));
        Assert.Equal(90, listed[0].Snapshot.Attributes["rank"].AsNumber);
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task ListLeads_Cancelled_Stops(string provider)
    {
        await using var harness = await CreateAsync(provider);
        Assert.True((await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("C-1") { MqlAt = T0 })).Success);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in harness.Monitor.ListLeadsAsync("monitor-test", cancel.Token))
            {
            }
        });
    }

    private static System.Collections.Immutable.ImmutableDictionary<string, LeadValue> Rank(double rank) =>
        System.Collections.Immutable.ImmutableDictionary<string, LeadValue>.Empty.Add("rank", LeadValue.FromNumber(rank));

    private static async Task<List<MonitoredLead>> ToListAsync(IAsyncEnumerable<MonitoredLead> leads)
    {
        var list = new List<MonitoredLead>();
        await foreach (var lead in leads)
        {
            list.Add(lead);
        }

        return list;
    }

    private async Task<MonitorHarness> CreateAsync(string provider) => await MonitorHarness.CreateAsync(
        provider,
        await MonitorHarness.ConnectionStringAsync(provider, cluster),
        [("monitor-test.yaml", TestPolicies.Standard()), ("ranked.yaml", TestPolicies.Ranked())],
        o => o.SqliteDurability = SqliteDurability.Normal);
}
