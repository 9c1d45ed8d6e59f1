using SlaEngine.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace SlaEngine.Monitor.Tests.Infrastructure;

/// <summary>
/// A monitor over a real database with the policies of a directory, a test clock and no hosted services: tests call
/// <see cref="SlaMonitor.RunDueAsync"/> and <see cref="SlaMonitor.DeliverDueAsync"/> themselves.
/// </summary>
internal sealed class MonitorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private MonitorHarness(ServiceProvider services, string policyDirectory, TestClock? clock)
    {
        _services = services;
        PolicyDirectory = policyDirectory;
        Clock = clock!;
        Monitor = services.GetRequiredService<SlaMonitor>();
        Policies = services.GetRequiredService<IPolicyStore>();
    }

    public SlaMonitor Monitor { get; }

    public IPolicyStore Policies { get; }

    /// <summary>Gets the test clock (null-forgiven: a harness created with another clock has none).</summary>
    public TestClock Clock { get; }

    public string PolicyDirectory { get; }

    public static readonly Instant Start = Instant.FromUtc(2026, 11, 16, 9, 0);

    /// <summary>The databases the storage tests run on: SQLite always, PostgreSQL always (its cluster must start).</summary>
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    public static async Task<string> ConnectionStringAsync(string provider, PostgresCluster cluster) => provider == "postgres"
        ? await cluster.CreateDatabaseAsync()
        : "Data Source=" + Path.Combine(TempDirectory(), "monitor.db");

    public static string TempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "slaengine-monitor-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        return directory;
    }

    public static async Task<MonitorHarness> CreateAsync(
        string provider, string connectionString, IEnumerable<(string File, string Yaml)> policies, Action<SlaMonitorOptions>? configure = null, IClock? clock = null, string? policyDirectory = null)
    {
        policyDirectory ??= TempDirectory();
        foreach (var (file, yaml) in policies)
        {
            await File.WriteAllTextAsync(Path.Combine(policyDirectory, file), yaml);
        }

        clock ??= new TestClock(Start);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IClock>(clock);
        services.AddSlaEngine(o => o.AddPolicyDirectory(policyDirectory));
        services.AddSlaMonitor(o =>
        {
            if (provider == "postgres")
            {
                o.UsePostgreSql(connectionString);
            }
            else
            {
                o.UseSqlite(connectionString);
            }

            o.RunScheduler = false;
            o.RunDelivery = false;
            configure?.Invoke(o);
        });
        var provider1 = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var harness = new MonitorHarness(provider1, policyDirectory, clock as TestClock);
        await harness.Monitor.MigrateAsync();
        return harness;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
