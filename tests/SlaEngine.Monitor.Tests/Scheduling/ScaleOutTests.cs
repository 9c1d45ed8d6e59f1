using NodaTime;
using SlaEngine.Monitor.Tests.Crash;
using SlaEngine.Monitor.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SlaEngine.Monitor.Tests.Scheduling;

/// <summary>
/// Scale-out: three monitor processes on one PostgreSQL over the same leads, under the clock the test moves. Every
/// predicted transition is recorded and delivered once, and the work is spread: each process records a substantial
/// share of it, not merely some.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ScaleOutTests(PostgresCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task PostgreSql_ThreeProcesses_EachRecordsASubstantialShareAndEveryTransitionOnce()
    {
        // Two simulated hours every 100 ms bring a few hundred leads due at a time; batches of 20 make them several
        // batches, which the three processes claim concurrently (SKIP LOCKED) rather than the first poller taking all.
        var scenario = new CrashScenario
        {
            Provider = "postgres",
            ConnectionString = await cluster.CreateDatabaseAsync(),
            Leads = CrashTests.Leads(2000),
            Processes = 3,
            Output = output,
            KillAtRandom = false,
            BatchSize = 20,
            Step = Duration.FromHours(2),
        };

        var result = await scenario.RunAsync();

        result.AssertExactlyOnce(output, minimumKills: 0);
        // A fair share is a third; under a loaded machine's scheduling each process must still do at least a fifth.
        result.AssertSpread(0.20);
    }
}
