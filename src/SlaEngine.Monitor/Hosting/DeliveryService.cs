using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SlaEngine.Monitor.Hosting;

/// <summary>Runs delivery: batches of due deliveries until none is due, then a nap of <see cref="SlaMonitorOptions.PollInterval"/>.</summary>
internal sealed partial class DeliveryService(SlaMonitor monitor, ILogger<DeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await monitor.DeliverDueAsync(stoppingToken).ConfigureAwait(false) >= monitor.Options.DeliveryBatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailure(e);
            }

            try
            {
                await Task.Delay(monitor.Options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "The SLA monitor's delivery failed a batch; it retries after the poll interval")]
    private partial void LogFailure(Exception exception);
}
