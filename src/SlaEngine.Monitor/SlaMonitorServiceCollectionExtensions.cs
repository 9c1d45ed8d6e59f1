using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly;
using SlaEngine.DependencyInjection;
using SlaEngine.Monitor.Delivery;
using SlaEngine.Monitor.Hosting;

namespace SlaEngine.Monitor;

/// <summary>Registers the SLA monitor with a <see cref="IServiceCollection"/>.</summary>
public static class SlaMonitorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SLA monitor: a singleton <see cref="SlaMonitor"/>, its hosted scheduler and delivery, health checks
    /// (<c>slaengine-monitor-database</c>, <c>slaengine-monitor-scheduler</c>, tagged <c>slaengine</c>), metrics on the
    /// meter <c>SlaEngine.Monitor</c>, and the webhook <see cref="HttpClient"/> with its resilience pipeline (an overall
    /// timeout, retries with exponential backoff and jitter, a per-try timeout).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Policies come from the <see cref="IPolicyStore"/> of <c>AddSlaEngine</c>, which must be registered too; a reload
    /// applies to each lead at its next evaluation. Time comes from the registered <see cref="IClock"/>, else from the
    /// registered <see cref="TimeProvider"/>, else from the system clock.
    /// </para>
    /// <para>
    /// Idempotent like <c>AddSlaEngine</c>: services are added once; each call's <paramref name="configure"/> runs, in
    /// order, on one <see cref="SlaMonitorOptions"/>. The options are validated when the host starts, every problem at
    /// once in one <see cref="OptionsValidationException"/>.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// builder.Services.AddSlaEngine(o => o.AddPolicyDirectory("policies"));
    /// builder.Services.AddSlaMonitor(o => o.UseSqlite("monitor.db").AddLogSink());
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the monitor.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IServiceCollection AddSlaMonitor(this IServiceCollection services, Action<SlaMonitorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SlaMonitorOptions>().Configure(configure).ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(SlaMonitor)))
        {
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaMonitorOptions>, SlaMonitorOptionsValidator>());
        services.TryAddSingleton<IClock>(provider => new TimeProviderClock(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton(provider => new MonitorMetrics(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(CreateMonitor);
        // Two registrations of one wrapper type: AddHostedService would keep only the first.
        services.AddSingleton<IHostedService>(provider => new ConditionalService(
            provider.GetRequiredService<SlaMonitor>().Options.RunScheduler,
            () => ActivatorUtilities.CreateInstance<SchedulerService>(provider)));
        services.AddSingleton<IHostedService>(provider => new ConditionalService(
            provider.GetRequiredService<SlaMonitor>().Options.RunDelivery,
            () => ActivatorUtilities.CreateInstance<DeliveryService>(provider)));
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("slaengine-monitor-database", HealthStatus.Unhealthy, ["slaengine"])
            .AddCheck<SchedulerHealthCheck>("slaengine-monitor-scheduler", HealthStatus.Degraded, ["slaengine"]);
        services.AddHttpClient(WebhookTransitionSink.ClientName)
            .AddResilienceHandler("slaengine-webhook", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SlaMonitorOptions>>().Value;
                pipeline.AddTimeout(options.WebhookTimeout * (options.WebhookRetries + 1) + TimeSpan.FromSeconds(options.WebhookRetries * 2));
                if (options.WebhookRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.WebhookRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(200),
                        ShouldRetryAfterHeader = true,
                    });
                }

                pipeline.AddTimeout(options.WebhookTimeout);
            });
        return services;
    }

    private static SlaMonitor CreateMonitor(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<SlaMonitorOptions>>().Value;
        var loggers = provider.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        var sinks = new List<ISlaTransitionSink>();
        if (options.Webhooks.Count > 0)
        {
            var clients = provider.GetRequiredService<IHttpClientFactory>();
            sinks.AddRange(options.Webhooks.Select(w => new WebhookTransitionSink(w, clients)));
        }

        if (options.LogSinkLevel is { } level)
        {
            sinks.Add(new LogTransitionSink(loggers.CreateLogger("SlaEngine.Monitor.Transitions"), level));
        }

        sinks.AddRange(options.Sinks);
        return new SlaMonitor(
            options,
            provider.GetRequiredService<IPolicyStore>(),
            provider.GetRequiredService<IClock>(),
            sinks,
            loggers.CreateLogger<SlaMonitor>(),
            provider.GetRequiredService<MonitorMetrics>());
    }
}
