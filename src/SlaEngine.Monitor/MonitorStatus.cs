using NodaTime;

namespace SlaEngine.Monitor;

/// <summary>Counts that say how the monitor is doing, read from the database at one moment.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MonitorStatus
{
    internal MonitorStatus(long openLeads, long dueLeads, Duration schedulerLag, long pendingDeliveries, long deadLetters, long unevaluableLeads, long schemaVersion)
    {
        OpenLeads = openLeads;
        DueLeads = dueLeads;
        SchedulerLag = schedulerLag;
        PendingDeliveries = pendingDeliveries;
        DeadLetters = deadLetters;
        UnevaluableLeads = unevaluableLeads;
        SchemaVersion = schemaVersion;
    }

    /// <summary>Gets the leads with a next change ahead (the monitor will wake them).</summary>
    public long OpenLeads { get; }

    /// <summary>Gets the leads whose next change has come and that wait for the scheduler.</summary>
    public long DueLeads { get; }

    /// <summary>Gets how long the oldest due lead has been waiting (zero when none is due).</summary>
    public Duration SchedulerLag { get; }

    /// <summary>Gets the deliveries not yet made (neither delivered nor dead).</summary>
    public long PendingDeliveries { get; }

    /// <summary>Gets the parked deliveries.</summary>
    public long DeadLetters { get; }

    /// <summary>Gets the leads that cannot be evaluated (their policy is not loaded, or the lead is invalid for it).</summary>
    public long UnevaluableLeads { get; }

    /// <summary>Gets the schema version of the database.</summary>
    public long SchemaVersion { get; }
}
