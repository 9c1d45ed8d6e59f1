using System.Globalization;
using Npgsql;
using SlaEngine.Monitor.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SlaEngine.Monitor.Tests.Crash;

/// <summary>
/// Exactly once under crashes and across processes. The lead count defaults to what keeps the test run short; set
/// SLAENGINE_MONITOR_CRASH_LEADS (for example 10000) for the long run.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CrashTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private static int Leads(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_MONITOR_CRASH_LEADS"), CultureInfo.InvariantCulture, out var n) ? n : fallback;

    [Fact]
    public async Task Sqlite_ProcessKilledAtRandomMoments_EveryPredictedTransitionRecordedAndDeliveredOnce()
    {
        var scenario = new CrashScenario
        {
            Provider = "sqlite",
            ConnectionString = "Data Source=" + Path.Combine(MonitorHarness.TempDirectory(), "monitor.db"),
            Leads = Leads(1000),
            Processes = 1,
            Output = output,
        };

        var result = await scenario.RunAsync();

        result.AssertExactlyOnce(output);
    }

    [Fact]
    public async Task PostgreSql_ThreeProcessesKilledAtRandomMoments_ShareTheWorkAndRecordEachTransitionOnce()
    {
        var connection = await cluster.CreateDatabaseAsync();
        var scenario = new CrashScenario
        {
            Provider = "postgres",
            ConnectionString = connection,
            Leads = Leads(2000),
            Processes = 3,
            Output = output,
        };

        var result = await scenario.RunAsync();

        result.AssertExactlyOnce(output);
        var byProcess = new Dictionary<string, long>();
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT recorded_by, COUNT(*) FROM sla_transitions WHERE recorded_by LIKE 'p%' GROUP BY recorded_by", db);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            byProcess[reader.GetString(0)] = reader.GetInt64(1);
        }

        output.WriteLine("recorded by process: " + string.Join(", ", byProcess.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        Assert.Equal(["p1", "p2", "p3"], byProcess.Keys.Order());
        Assert.All(byProcess.Values, n => Assert.True(n >= result.Recorded.Count / 20, $"work not spread: {string.Join(", ", byProcess)}"));
    }
}
