using Microsoft.Extensions.Logging;

namespace SlaEngine.Monitor.Hosting;

/// <summary>Runs delivery: batches of due deliveries until none is due, then a nap of <see cref="SlaMonitorOptions.PollInterval"/>.</summary>
internal sealed partial class DeliveryService(SlaMonitor monitor, ILogger<DeliveryService> logger) : PollingService
{
    protected override TimeSpan PollInterval => monitor.Options.PollInterval;

    protected override async Task<bool> RunBatchAsync(CancellationToken cancellationToken) =>
        await monitor.DeliverDueAsync(cancellationToken).ConfigureAwait(false) >= monitor.Options.DeliveryBatchSize;

    protected override void OnFailure(Exception exception) => LogFailure(exception);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "The SLA monitor's delivery failed a batch; it retries after the poll interval")]
    private partial void LogFailure(Exception exception);
}
