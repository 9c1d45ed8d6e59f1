using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>One milestone of an evaluated lead: its due, verdict, completion and lateness.</summary>
public sealed record MilestoneResult
{
    internal MilestoneResult(string name, Instant? due, MilestoneStatus status, Instant? metAt, Duration lateBy)
    {
        Name = name;
        Due = due;
        Status = status;
        MetAt = metAt;
        LateBy = lateBy;
        (Kind, Step) = MilestoneNames.Parse(name);
    }

    /// <summary>Gets the name: <c>first_touch</c>, <c>effort</c>, <c>cadence_step_N</c> or <c>disposition</c>.</summary>
    public string Name { get; init; }

    /// <summary>Gets what the milestone measures, as an enum (the same information as <see cref="Name"/>).</summary>
    public MilestoneKind Kind { get; init; }

    /// <summary>Gets the 1-based cadence step number N when <see cref="Kind"/> is <see cref="MilestoneKind.CadenceStep"/>; otherwise null.</summary>
    public int? Step { get; init; }

    /// <summary>Gets the due instant, or null while it is not known (previous step open, no first touch yet).</summary>
    public Instant? Due { get; init; }

    /// <summary>Gets the verdict.</summary>
    public MilestoneStatus Status { get; init; }

    /// <summary>When it was done, or null.</summary>
    public Instant? MetAt { get; init; }

    /// <summary>How late it was done, or is, on the milestone's own clock; zero when not late.</summary>
    public Duration LateBy { get; init; }
}
