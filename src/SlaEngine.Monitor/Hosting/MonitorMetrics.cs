using System.Diagnostics.Metrics;

namespace SlaEngine.Monitor.Hosting;

/// <summary>
/// The monitor's instruments, on the meter <c>SlaEngine.Monitor</c>: leads open, transitions recorded and delivered,
/// failed deliveries, dead letters, the lag from a transition's instant to its recording, and the scheduler lag.
/// </summary>
internal sealed class MonitorMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    internal const string MeterName = "SlaEngine.Monitor";

    private readonly Meter _meter;
    private readonly Counter<long> _recorded;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _dead;
    private readonly Counter<long> _evaluated;
    private readonly Histogram<double> _lag;
    private MonitorStatus? _status;

    internal MonitorMetrics(IMeterFactory? factory)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _recorded = _meter.CreateCounter<long>("slaengine.monitor.transitions.recorded", "{transition}", "Transitions recorded in the outbox.");
        _delivered = _meter.CreateCounter<long>("slaengine.monitor.transitions.delivered", "{transition}", "Transitions delivered to a sink (tag: sink).");
        _failed = _meter.CreateCounter<long>("slaengine.monitor.deliveries.failed", "{attempt}", "Failed delivery attempts (tag: sink).");
        _dead = _meter.CreateCounter<long>("slaengine.monitor.dead_letters", "{transition}", "Transitions parked as dead (tag: sink).");
        _evaluated = _meter.CreateCounter<long>("slaengine.monitor.leads.evaluated", "{lead}", "Leads re-evaluated by the scheduler.");
        _lag = _meter.CreateHistogram<double>(
            "slaengine.monitor.transition.lag", "s", "Seconds from a transition's instant to its recording (p50/p99 from the histogram).");
        _meter.CreateObservableGauge("slaengine.monitor.leads.open", () => _status?.OpenLeads ?? 0, "{lead}", "Leads with a next change ahead (as of the last status read).");
        _meter.CreateObservableGauge("slaengine.monitor.scheduler.lag", () => _status?.SchedulerLag.TotalSeconds ?? 0, "s", "How long the oldest due lead has waited (as of the last status read).");
        _meter.CreateObservableGauge("slaengine.monitor.leads.unevaluable", () => _status?.UnevaluableLeads ?? 0, "{lead}", "Leads that cannot be evaluated.");
    }

    internal void Observe(MonitorStatus status) => _status = status;

    internal void Recorded(RecordedTransition transition)
    {
        _recorded.Add(1);
        _lag.Record(transition.Lag.TotalSeconds);
    }

    internal void Delivered(string sink) => _delivered.Add(1, new KeyValuePair<string, object?>("sink", sink));

    internal void DeliveryFailed(string sink) => _failed.Add(1, new KeyValuePair<string, object?>("sink", sink));

    internal void DeadLettered(string sink) => _dead.Add(1, new KeyValuePair<string, object?>("sink", sink));

    internal void Evaluated(int count) => _evaluated.Add(count);

    public void Dispose() => _meter.Dispose();
}
