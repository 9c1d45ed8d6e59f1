namespace SlaEngine.Evaluation;

/// <summary>The verdict on a milestone at the evaluation instant.</summary>
public enum MilestoneStatus
{
    /// <summary>Not done, not due yet, not at risk.</summary>
    Pending,

    /// <summary>Not done, and the time left before the due is within <c>warn_before</c>.</summary>
    AtRisk,

    /// <summary>Done on time.</summary>
    Met,

    /// <summary>Done after the due.</summary>
    MetLate,

    /// <summary>Not done and past due.</summary>
    Breached,

    /// <summary>The SLA ended (disposition) before the milestone was due.</summary>
    NotApplicable,
}
