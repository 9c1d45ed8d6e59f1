namespace SlaEngine.Monitor;

/// <summary>The stable codes of the monitor's expected failures (a write refused, a lead that cannot be evaluated).</summary>
public static class MonitorErrorCodes
{
    /// <summary>SLA1001: the policy a write names is not loaded.</summary>
    public const string UnknownPolicy = "SLA1001";

    /// <summary>SLA1002: an append, a read or a replay names a lead (or a dead letter) the monitor does not hold.</summary>
    public const string UnknownLead = "SLA1002";

    /// <summary>SLA1003: a stored lead's policy is no longer loaded; the lead is kept and looked at again later.</summary>
    public const string PolicyNotLoaded = "SLA1003";

    /// <summary>SLA1004: a write is refused because the lead is invalid for its policy (a pinned tier or team it does not define).</summary>
    public const string InvalidLead = "SLA1004";

    /// <summary>SLA1005: a write is refused because a deadline of the lead falls outside the calendar's supported years.</summary>
    public const string OutOfRange = "SLA1005";

    /// <summary>SLA1006: the first write of a lead names no policy.</summary>
    public const string PolicyRequired = "SLA1006";

    /// <summary>
    /// SLA1007: evaluating a stored lead failed unexpectedly (its stored snapshot cannot be read, or a defect); the lead
    /// is kept, reported and looked at again later, and every other lead is still evaluated.
    /// </summary>
    public const string EvaluationFailed = "SLA1007";
}
