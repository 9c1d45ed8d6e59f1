using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SlaEngine.Monitor.Hosting;

/// <summary>Healthy when the database answers with the current schema.</summary>
internal sealed class DatabaseHealthCheck(SlaMonitor monitor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await monitor.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(
                "database reachable",
                new Dictionary<string, object> { ["schema_version"] = status.SchemaVersion, ["open_leads"] = status.OpenLeads });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unreachable: " + e.Message, e);
        }
    }
}

/// <summary>
/// Degraded when the oldest due lead waited longer than <see cref="SlaMonitorOptions.HealthyLag"/>, when deliveries are
/// dead, or when leads cannot be evaluated; the data carries the numbers.
/// </summary>
internal sealed class SchedulerHealthCheck(SlaMonitor monitor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        MonitorStatus status;
        try
        {
            status = await monitor.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unreachable: " + e.Message, e);
        }

        var data = new Dictionary<string, object>
        {
            ["scheduler_lag_seconds"] = status.SchedulerLag.TotalSeconds,
            ["due_leads"] = status.DueLeads,
            ["pending_deliveries"] = status.PendingDeliveries,
            ["dead_letters"] = status.DeadLetters,
            ["unevaluable_leads"] = status.UnevaluableLeads,
        };
        var problems = new List<string>();
        if (status.SchedulerLag > monitor.Options.HealthyLag)
        {
            problems.Add($"the oldest due lead has waited {status.SchedulerLag.TotalSeconds:0} s");
        }

        if (status.DeadLetters > 0)
        {
            problems.Add($"{status.DeadLetters} dead letters");
        }

        if (status.UnevaluableLeads > 0)
        {
            problems.Add($"{status.UnevaluableLeads} leads cannot be evaluated");
        }

        return problems.Count == 0
            ? HealthCheckResult.Healthy("scheduler on time", data)
            : HealthCheckResult.Degraded(string.Join("; ", problems), data: data);
    }
}
