using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SlaEngine.Diagnostics;

namespace SlaEngine.DependencyInjection;

/// <summary>Registers SlaEngine with a <see cref="IServiceCollection"/>.</summary>
public static class SlaEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SlaEngine policy store: a singleton <see cref="PolicyStore"/>, also registered as
    /// <see cref="IPolicyStore"/>, loading the policies that <paramref name="configure"/> names.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Idempotent: the services are added once (with <c>TryAdd</c>), however often this is called. Each call's
    /// <paramref name="configure"/> is kept and all of them run in registration order on one <see cref="SlaEngineOptions"/>
    /// when the store is first resolved, like <c>services.Configure&lt;T&gt;</c>; a source named twice is read once.
    /// </para>
    /// <para>
    /// The store loads every policy when it is created, that is on first resolution; a bad policy then throws a
    /// <see cref="PolicyValidationException"/> with every diagnostic of every source. Resolve
    /// <see cref="IPolicyStore"/> at start-up (for example right after <c>builder.Build()</c>) to fail before serving.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// builder.Services.AddSlaEngine(options => options.AddPolicyDirectory("policies"));
    /// var app = builder.Build();
    /// app.Services.GetRequiredService&lt;IPolicyStore&gt;();   // fail fast on a bad policy
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the sources and pins.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IServiceCollection AddSlaEngine(this IServiceCollection services, Action<SlaEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddSingleton(new SlaEngineConfiguration(configure));
        services.TryAddSingleton(CreateStore);
        services.TryAddSingleton<IPolicyStore>(provider => provider.GetRequiredService<PolicyStore>());
        return services;
    }

    private static PolicyStore CreateStore(IServiceProvider provider)
    {
        var options = new SlaEngineOptions();
        foreach (var configuration in provider.GetServices<SlaEngineConfiguration>())
        {
            configuration.Configure(options);
        }

        return new PolicyStore(options);
    }
}
