using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Load;
using SlaEngine.Monitor.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SlaEngine.Monitor.Tests.Crash;

/// <summary>
/// Many leads seeded at T0; monitor processes run the scheduler and delivery under a clock they share with the test
/// (a mapped file) while the test advances it over days and kills processes with SIGKILL at random moments, restarting
/// them; then the clock stops at the end and the processes drain. The result is compared with the library's timeline.
/// Each incarnation of process N runs as instance <c>pN-K</c> (K counts its restarts, as a real restart gets a new
/// name), so the leases a killed incarnation left behind — the batch it was killed in — can be counted.
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

    /// <summary>Gets whether processes are killed at random moments (false: the scale-out run, no crash).</summary>
    internal bool KillAtRandom { get; init; } = true;

    /// <summary>Gets SQLite's durability in the child processes: <c>full</c> (the default) or <c>normal</c>.</summary>
    internal string SqliteSync { get; init; } = "full";

    /// <summary>Gets the scheduler's batch size in the child processes.</summary>
    internal int BatchSize { get; init; } = 100;

    internal int Kills { get; private set; }

    /// <summary>Gets how many kills caught the victim holding leased leads (a scheduler batch in flight).</summary>
    internal int KillsWithLeadsInFlight { get; private set; }

    /// <summary>Gets how many kills caught the victim holding leased deliveries (a delivery batch in flight).</summary>
    internal int KillsWithDeliveriesInFlight { get; private set; }

    /// <summary>Gets how many leads the killed incarnations held leased when they died.</summary>
    internal long LeadsLeftLeased { get; private set; }

    /// <summary>Gets how many undelivered deliveries the killed incarnations held leased when they died.</summary>
    internal long DeliveriesLeftLeased { get; private set; }

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
        var incarnations = new int[Processes];
        ChildProcess StartChild(int index) => ChildProcess.Start(
            assembly,
            [
                "run", "--provider", Provider, "--database", ConnectionString, "--policies", directory, "--clock", clockPath,
                "--webhook", receiver.Url.ToString(), "--secret", receiver.Secret, "--instance", Instance(index, ++incarnations[index]),
                "--lease-ms", "4000", "--batch", BatchSize.ToString(CultureInfo.InvariantCulture), "--sqlite-sync", SqliteSync,
            ],
            "ready");
        var children = new ChildProcess[Processes];
        var random = new Random(Seed);
        var wall = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < Processes; i++)
            {
                children[i] = StartChild(i);
            }

            foreach (var child in children)
            {
                await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            }

            // The clock moves one step every 100 ms. At random moments (0.5-2 s apart) a kill is armed: its victim
            // (each process once per round, in a random order) is watched and killed as soon as it holds leases on
            // leads (odd kills) or on deliveries (even kills), that is with a batch in flight - or after two seconds
            // without, wherever it is (starting up, idle). Two seconds cover a restart on a loaded machine.
            var run = System.Diagnostics.Stopwatch.StartNew();
            var nextKill = NextKill(random, run.Elapsed);
            var victims = new List<int>();
            (int Victim, string Name, bool Leads, TimeSpan Since)? armed = null;
            while (clock.GetCurrentInstant() < end)
            {
                var step = System.Diagnostics.Stopwatch.StartNew();
                while (step.ElapsedMilliseconds < 100)
                {
                    if (KillAtRandom && armed is null && run.Elapsed >= nextKill)
                    {
                        if (victims.Count == 0)
                        {
                            victims.AddRange(Enumerable.Range(0, Processes).OrderBy(_ => random.Next()));
                        }

                        var chosen = victims[^1];
                        victims.RemoveAt(victims.Count - 1);
                        armed = (chosen, Instance(chosen, incarnations[chosen]), Kills % 2 == 0, run.Elapsed);
                    }

                    if (armed is not { } kill)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, 100 - step.ElapsedMilliseconds)));
                        continue;
                    }

                    var seen = await LeasedByAsync(kill.Name);
                    if ((kill.Leads ? seen.Leads : seen.Deliveries) == 0 && run.Elapsed - kill.Since < TimeSpan.FromSeconds(2))
                    {
                        await Task.Delay(5);
                        continue;
                    }

                    children[kill.Victim].Kill();
                    children[kill.Victim].Dispose();
                    Kills++;
                    var (heldLeads, heldDeliveries) = await LeasedByAsync(kill.Name);
                    LeadsLeftLeased += heldLeads;
                    DeliveriesLeftLeased += heldDeliveries;
                    KillsWithLeadsInFlight += heldLeads > 0 ? 1 : 0;
                    KillsWithDeliveriesInFlight += heldDeliveries > 0 ? 1 : 0;
                    children[kill.Victim] = StartChild(kill.Victim);
                    armed = null;
                    nextKill = NextKill(random, run.Elapsed);
                }

                clock.Advance(Step);
            }

            clock.Set(end);
            Output.WriteLine(
                $"clock ran {Window.TotalDays} days in {run.Elapsed.TotalSeconds:0.0} s with {Kills} kills: {KillsWithLeadsInFlight} killed a process holding leads "
                + $"({LeadsLeftLeased} leads left leased), {KillsWithDeliveriesInFlight} one holding deliveries ({DeliveriesLeftLeased} left leased)");
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

                Assert.True(
                    drain.Elapsed < TimeSpan.FromSeconds(150),
                    $"not drained: {status.DueLeads} due leads, {status.PendingDeliveries} pending deliveries\n{string.Join("\n", children.Select(c => c.Output))}");
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

        Output.WriteLine($"processes ran {wall.Elapsed.TotalSeconds:0.0} s");
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
        var byProcess = await RecordedByProcessAsync();
        Output.WriteLine("recorded by process: " + string.Join(", ", byProcess.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
        return new CrashResult(
            recorded, expected, receiver.Seen.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), receiver.BadSignatures, Kills, KillsWithLeadsInFlight, KillsWithDeliveriesInFlight, byProcess);
    }

    private static string Instance(int index, int incarnation) => string.Create(CultureInfo.InvariantCulture, $"p{index + 1}-{incarnation}");

    private static TimeSpan NextKill(Random random, TimeSpan now) => now + TimeSpan.FromMilliseconds(random.Next(500, 2000));

    private DbConnection Connect() => Provider == "postgres" ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    /// <summary>The leads and undelivered deliveries an instance holds leased: after a kill, what it was working on.</summary>
    private async Task<(long Leads, long Deliveries)> LeasedByAsync(string instance)
    {
        await using var db = Connect();
        await db.OpenAsync();
        async Task<long> Count(string sql)
        {
            await using var command = db.CreateCommand();
            command.CommandText = sql;
            var owner = command.CreateParameter();
            owner.ParameterName = "@owner";
            owner.Value = instance;
            command.Parameters.Add(owner);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return (await Count("SELECT COUNT(*) FROM sla_leads WHERE lease_owner = @owner"),
            await Count("SELECT COUNT(*) FROM sla_deliveries WHERE lease_owner = @owner AND delivered_at IS NULL AND dead = 0"));
    }

    /// <summary>Transitions recorded by each monitor process (all its incarnations), from <c>recorded_by</c>; the seeding writes are not counted.</summary>
    private async Task<Dictionary<string, long>> RecordedByProcessAsync()
    {
        var names = Enumerable.Range(0, Processes).Select(i => $"p{i + 1}").ToHashSet(StringComparer.Ordinal);
        var result = names.ToDictionary(n => n, _ => 0L, StringComparer.Ordinal);
        await using var db = Connect();
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT recorded_by, COUNT(*) FROM sla_transitions GROUP BY recorded_by";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var by = reader.GetString(0);
            var dash = by.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && names.Contains(by[..dash]))
            {
                result[by[..dash]] += reader.GetInt64(1);
            }
        }

        return result;
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

/// <summary>
/// What a crash scenario recorded and delivered, what the timeline predicts, and how many transitions each monitor
/// process (p1, p2, …) recorded.
/// </summary>
internal sealed record CrashResult(
    List<RecordedTransition> Recorded,
    List<string> Expected,
    Dictionary<string, int> Delivered,
    int BadSignatures,
    int Kills,
    int KillsWithLeadsInFlight,
    int KillsWithDeliveriesInFlight,
    Dictionary<string, long> ByProcess)
{
    /// <summary>Every predicted transition recorded once and delivered, nothing else; at least <paramref name="minimumKills"/> kills.</summary>
    internal void AssertExactlyOnce(ITestOutputHelper output, int minimumKills)
    {
        var recordedKeys = Recorded.Select(t => t.Key).ToList();
        var missing = Expected.Except(recordedKeys, StringComparer.Ordinal).Take(5).ToList();
        var unexpected = recordedKeys.Except(Expected, StringComparer.Ordinal).Take(5).ToList();
        var duplicates = Delivered.Values.Sum() - Delivered.Count;
        output.WriteLine($"{Expected.Count} transitions predicted, {Recorded.Count} recorded, {Delivered.Count} keys delivered ({duplicates} repeated deliveries), {Kills} kills");

        Assert.True(Kills >= minimumKills, $"only {Kills} kills");
        if (minimumKills > 0)
        {
            // The crashes that matter happened: processes died with a scheduler batch and with a delivery batch in flight.
            Assert.True(KillsWithLeadsInFlight > 0, $"no kill caught a process holding leads ({Kills} kills)");
            Assert.True(KillsWithDeliveriesInFlight > 0, $"no kill caught a process holding deliveries ({Kills} kills)");
        }

        Assert.True(Expected.Count > 0);
        Assert.Equal(Expected.Count, Expected.Distinct(StringComparer.Ordinal).Count());
        Assert.True(missing.Count == 0, "lost: " + string.Join(", ", missing));
        Assert.True(unexpected.Count == 0, "not predicted: " + string.Join(", ", unexpected));
        Assert.Equal(recordedKeys.Count, recordedKeys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Expected.Count, Recorded.Count);
        Assert.Equal(0, BadSignatures);
        Assert.Equal(Expected.Order(StringComparer.Ordinal), Delivered.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Each of the processes recorded at least <paramref name="minimumShare"/> of what the processes recorded together
    /// (the seeding writes' transitions aside).
    /// </summary>
    internal void AssertSpread(double minimumShare)
    {
        var total = ByProcess.Values.Sum();
        Assert.True(total > 0, "the processes recorded nothing");
        Assert.All(ByProcess, p => Assert.True(
            p.Value >= minimumShare * total,
            $"work not spread: {p.Key} recorded {p.Value} of {total} ({(double)p.Value / total:P0}, under {minimumShare:P0}); {string.Join(", ", ByProcess)}"));
    }
}
