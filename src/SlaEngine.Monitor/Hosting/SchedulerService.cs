using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SlaEngine.Monitor.Hosting;

/// <summary>
/// Runs the scheduler: batches of due leads until none is due, then a nap of
/// <see cref="SlaMonitorOptions.PollInterval"/>. Reads the monitor's status every few seconds for the gauges.
/// </summary>
internal sealed partial class SchedulerService(SlaMonitor monitor, ILogger<SchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var statusEvery = TimeSpan.FromSeconds(10);
        TimeSpan? lastStatus = null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (lastStatus is null || watch.Elapsed - lastStatus.Value >= statusEvery)
                {
                    await monitor.GetStatusAsync(stoppingToken).ConfigureAwait(false);
                    lastStatus = watch.Elapsed;
                }

                if (await monitor.RunDueAsync(stoppingToken).ConfigureAwait(false) >= monitor.Options.BatchSize)
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
                // The database may be down for a moment; the leases expire and the work is taken again.
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

    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "The SLA monitor's scheduler failed a batch; it retries after the poll interval")]
    private partial void LogFailure(Exception exception);
}
