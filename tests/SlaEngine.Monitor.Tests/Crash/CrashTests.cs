using System.Globalization;
using SlaEngine.Monitor.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SlaEngine.Monitor.Tests.Crash;

/// <summary>
/// Exactly once under crashes and across processes. The lead count defaults to what keeps the test run short (1,000 on
/// SQLite, 2,000 on PostgreSQL); set SLAENGINE_MONITOR_CRASH_LEADS (for example 10000) for the long run. Either way
/// the clock runs four days in about 13 seconds and processes are killed about every 1.6 seconds.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CrashTests(PostgresCluster cluster, ITestOutputHelper output)
{
    internal static int Leads(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_MONITOR_CRASH_LEADS"), CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>With <c>synchronous=FULL</c> (the default) and <c>NORMAL</c>: both must survive a crash of the process.</summary>
    [Theory]
    [InlineData("full")]
    [InlineData("normal")]
    public async Task Sqlite_ProcessKilledAtRandomMoments_EveryPredictedTransitionRecordedAndDeliveredOnce(string durability)
    {
        var scenario = new CrashScenario
        {
            Provider = "sqlite",
            ConnectionString = "Data Source=" + Path.Combine(MonitorHarness.TempDirectory(), "monitor.db"),
            Leads = Leads(1000),
            Processes = 1,
            Output = output,
            SqliteSync = durability,
        };

        var result = await scenario.RunAsync();

        result.AssertExactlyOnce(output, minimumKills: 5);
    }

    [Fact]
    public async Task PostgreSql_ThreeProcessesKilledAtRandomMoments_ShareTheWorkAndRecordEachTransitionOnce()
    {
        var scenario = new CrashScenario
        {
            Provider = "postgres",
            ConnectionString = await cluster.CreateDatabaseAsync(),
            Leads = Leads(2000),
            Processes = 3,
            Output = output,
        };

        var result = await scenario.RunAsync();

        result.AssertExactlyOnce(output, minimumKills: 5);
        // Killed and restarted at random, a process loses its share while it is down and its leases wait to expire:
        // here each must still have done a real part of the work. Scheduling/ScaleOutTests asserts the even spread.
        result.AssertSpread(0.10);
    }
}
