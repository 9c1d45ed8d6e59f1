using Microsoft.Extensions.Hosting;

namespace SlaEngine.Monitor.Hosting;

/// <summary>A hosted service that runs another one only when an option says so.</summary>
internal sealed class ConditionalService(bool enabled, Func<IHostedService> create) : IHostedService
{
    private readonly IHostedService? _inner = enabled ? create() : null;

    public Task StartAsync(CancellationToken cancellationToken) => _inner?.StartAsync(cancellationToken) ?? Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => _inner?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
