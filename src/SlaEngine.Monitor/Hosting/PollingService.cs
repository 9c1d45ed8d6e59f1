using Microsoft.Extensions.Hosting;

namespace SlaEngine.Monitor.Hosting;

/// <summary>
/// A background loop of batches: a full batch runs the next one at once; otherwise (or after a failure, which is
/// reported and retried) it naps for <see cref="PollInterval"/>. Stops quietly when the host stops.
/// </summary>
internal abstract class PollingService : BackgroundService
{
    /// <summary>Gets the nap between batches when there was nothing more to do.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Runs one batch; true when it was full, so the next one runs at once.</summary>
    protected abstract Task<bool> RunBatchAsync(CancellationToken cancellationToken);

    /// <summary>Reports a batch that failed (the database may be down for a moment); the loop retries after the nap.</summary>
    protected abstract void OnFailure(Exception exception);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunBatchAsync(stoppingToken).ConfigureAwait(false))
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
                OnFailure(e);
            }

            try
            {
                await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
