using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace SlaEngine.Monitor.Hosting;

/// <summary>
/// Runs the scheduler: batches of due leads until none is due, then a nap of
/// <see cref="SlaMonitorOptions.PollInterval"/>. Reads the monitor's status every few seconds for the gauges.
/// </summary>
internal sealed partial class SchedulerService(SlaMonitor monitor, ILogger<SchedulerService> logger) : PollingService
{
    private static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _watch = Stopwatch.StartNew();

    private TimeSpan? _lastStatus;

    protected override TimeSpan PollInterval => monitor.Options.PollInterval;

    protected override async Task<bool> RunBatchAsync(CancellationToken cancellationToken)
    {
        if (_lastStatus is null || _watch.Elapsed - _lastStatus.Value >= StatusEvery)
        {
            await monitor.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            _lastStatus = _watch.Elapsed;
        }

        return await monitor.RunDueAsync(cancellationToken).ConfigureAwait(false) >= monitor.Options.BatchSize;
    }

    // The database may be down for a moment; the leases expire and the work is taken again.
    protected override void OnFailure(Exception exception) => LogFailure(exception);

    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "The SLA monitor's scheduler failed a batch; it retries after the poll interval")]
    private partial void LogFailure(Exception exception);
}
