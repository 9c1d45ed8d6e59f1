using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaEngine.DependencyInjection;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Tests.Infrastructure;

namespace SlaEngine.Monitor.Tests.Hosting;

/// <summary>AddSlaMonitor: validated options, one registration, hosted scheduler and delivery, health checks, metrics.</summary>
public sealed class HostingTests
{
    private static readonly Instant T0 = MonitorHarness.Start;

    [Fact]
    public async Task AddSlaMonitor_BadOptions_HostFailsToStartWithEveryProblemAtOnce()
    {
        using var host = BuildHost(o =>
        {
            o.ConnectionString = " ";
            o.BatchSize = 0;
            o.PollInterval = TimeSpan.Zero;
            o.MaxDeliveryAttempts = 0;
            o.Webhooks.Add(new WebhookSinkOptions { Name = "crm", Url = new Uri("ftp://example.com/x"), Secret = "short" });
            o.AddSink("crm", (_, _) => Task.CompletedTask);
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "SlaMonitorOptions.ConnectionString is required (SlaEngine:Monitor:Database): a SQLite file or an Npgsql connection string.",
                "SlaMonitorOptions.BatchSize is 0; it must be 1 to 10000.",
                "SlaMonitorOptions.PollInterval is 00:00:00; it must be more than zero and at most 1 hour.",
                "SlaMonitorOptions.MaxDeliveryAttempts is 0; it must be 1 to 1000.",
                "SlaMonitorOptions.Webhooks[0].Url is 'ftp://example.com/x'; it must be an absolute http or https address.",
                "SlaMonitorOptions.Webhooks[0].Secret must be at least 16 characters.",
                "The sink name 'crm' is used 2 times; each sink needs its own name.",
            ],
            error.Failures);
    }

    [Fact]
    public void AddSlaMonitor_CalledTwice_RegistersOnceAndRunsEveryConfiguration()
    {
        var services = new ServiceCollection();
        services.AddSlaEngine(o => o.AddPolicyYaml("p.yaml", TestPolicies.Standard()));
        services.AddSlaMonitor(o => o.UseSqlite(Path.Combine(MonitorHarness.TempDirectory(), "m.db")));
        services.AddSlaMonitor(o => o.BatchSize = 17);
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(SlaMonitor));
        var monitor = provider.GetRequiredService<SlaMonitor>();
        Assert.Equal(17, monitor.Options.BatchSize);
        Assert.Equal(MonitorDatabaseProvider.Sqlite, monitor.Options.Provider);
    }

    [Fact]
    public async Task HostedServices_RecordAndDeliverWithoutBeingCalled_AndReportHealthAndMetrics()
    {
        var clock = new TestClock(T0);
        var delivered = new ConcurrentBag<RecordedTransition>();
        var measured = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "SlaEngine.Monitor")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => measured.AddOrUpdate(i.Name, value, (_, v) => v + value));
        listener.SetMeasurementEventCallback<double>((i, value, _, _) => measured.AddOrUpdate(i.Name, value, (_, v) => v + value));
        listener.Start();
        using var host = BuildHost(
            o =>
            {
                o.UseSqlite(Path.Combine(MonitorHarness.TempDirectory(), "m.db"));
                o.PollInterval = TimeSpan.FromMilliseconds(20);
                o.HealthyLag = Duration.FromMinutes(1);
                o.AddSink("test", (t, _) =>
                {
                    delivered.Add(t);
                    return Task.CompletedTask;
                });
            },
            clock);
        await host.StartAsync();
        try
        {
            var monitor = host.Services.GetRequiredService<SlaMonitor>();
            await monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-1") { MqlAt = T0 });
            clock.Now = T0 + Duration.FromHours(4) + Duration.FromSeconds(1);

            // The delivered counter moves after the sink returns and the delivery is marked: wait for both.
            await WaitUntil(
                () => delivered.Any(t => t.Subject == "first_touch" && t.ToJson == "\"breached\"")
                    && measured.GetValueOrDefault("slaengine.monitor.transitions.delivered") >= 1,
                () => Describe(monitor));
            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            listener.RecordObservableInstruments();

            Assert.Equal(HealthStatus.Healthy, health.Status);
            Assert.Equal(["slaengine-monitor-database", "slaengine-monitor-scheduler"], health.Entries.Keys.Order());
            Assert.True(measured.GetValueOrDefault("slaengine.monitor.transitions.recorded") >= 1);
            Assert.True(measured.GetValueOrDefault("slaengine.monitor.transitions.delivered") >= 1);
            Assert.True(measured.ContainsKey("slaengine.monitor.transition.lag"));
            Assert.True(measured.ContainsKey("slaengine.monitor.leads.open"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task SchedulerHealth_DueLeadWaitingLongerThanHealthyLag_IsDegraded()
    {
        var clock = new TestClock(T0);
        using var host = BuildHost(
            o =>
            {
                o.UseSqlite(Path.Combine(MonitorHarness.TempDirectory(), "m.db"));
                o.RunScheduler = false;
                o.HealthyLag = Duration.FromMinutes(1);
            },
            clock);
        await host.StartAsync();
        try
        {
            var monitor = host.Services.GetRequiredService<SlaMonitor>();
            await monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-1") { MqlAt = T0 });
            clock.Now = T0 + Duration.FromHours(5);

            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

            Assert.Equal(HealthStatus.Degraded, health.Status);
            var scheduler = health.Entries["slaengine-monitor-scheduler"];
            Assert.StartsWith("the oldest due lead has waited", scheduler.Description, StringComparison.Ordinal);
            Assert.Equal(HealthStatus.Healthy, health.Entries["slaengine-monitor-database"].Status);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static IHost BuildHost(Action<SlaMonitorOptions> configure, TestClock? clock = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IClock>(clock ?? new TestClock(T0));
        builder.Services.AddSlaEngine(o => o.AddPolicyYaml("monitor-test.yaml", TestPolicies.Standard()));
        builder.Services.AddSlaMonitor(configure);
        return builder.Build();
    }

    private static string Describe(SlaMonitor monitor)
    {
        var status = monitor.GetStatusAsync().GetAwaiter().GetResult();
        var feed = monitor.ReadTransitionsAsync(0).GetAwaiter().GetResult();
        return $"due {status.DueLeads}, open {status.OpenLeads}, pending {status.PendingDeliveries}, dead {status.DeadLetters}; feed: {string.Join(", ", feed.Items.Select(t => t.Key))}";
    }

    private static async Task WaitUntil(Func<bool> condition, Func<string> describe)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "timed out: " + describe());
            await Task.Delay(20);
        }
    }
}
