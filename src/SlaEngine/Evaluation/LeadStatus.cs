namespace SlaEngine.Evaluation;

/// <summary>The status of an evaluated lead.</summary>
public enum LeadStatus
{
    /// <summary>Removed by an exclusion (competitor, bot form, duplicate…).</summary>
    Excluded,

    /// <summary>Not qualified, or held back by a nurture band: marketing keeps it.</summary>
    Nurture,

    /// <summary>A marketing-qualified lead with an SLA running.</summary>
    Mql,

    /// <summary>The cadence or effort is exhausted without a disposition and the tier says to recycle.</summary>
    RecycleDue,

    /// <summary>Dispositioned: converted to an opportunity.</summary>
    Converted,

    /// <summary>Dispositioned: deferred.</summary>
    Deferred,

    /// <summary>Dispositioned: recycled to marketing.</summary>
    Recycled,
}
