using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>One milestone of an evaluated lead: its due, verdict, completion and lateness.</summary>
public sealed record MilestoneResult
{
    // Stored compactly (instants without Nullable's padding, small enums as bytes): three or four of these are
    // allocated per evaluation.
    private Instant _due;
    private Instant _metAt;
    private Duration _lateBy;
    private int _step;
    private byte _kind;
    private byte _status;
    private bool _hasDue;
    private bool _hasMetAt;

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
    public MilestoneKind Kind
    {
        get => (MilestoneKind)_kind;
        init => _kind = (byte)value;
    }

    /// <summary>Gets the 1-based cadence step number N when <see cref="Kind"/> is <see cref="MilestoneKind.CadenceStep"/>; otherwise null.</summary>
    public int? Step
    {
        get => _step == 0 ? null : _step;
        init => _step = value ?? 0;
    }

    /// <summary>Gets the due instant, or null while it is not known (previous step open, no first touch yet).</summary>
    public Instant? Due
    {
        get => _hasDue ? _due : null;
        init => (_due, _hasDue) = (value.GetValueOrDefault(), value.HasValue);
    }

    /// <summary>Gets the verdict.</summary>
    public MilestoneStatus Status
    {
        get => (MilestoneStatus)_status;
        init => _status = (byte)value;
    }

    /// <summary>When it was done, or null.</summary>
    public Instant? MetAt
    {
        get => _hasMetAt ? _metAt : null;
        init => (_metAt, _hasMetAt) = (value.GetValueOrDefault(), value.HasValue);
    }

    /// <summary>How late it was done, or is, on the milestone's own clock; zero when not late.</summary>
    public Duration LateBy
    {
        get => _lateBy;
        init => _lateBy = value;
    }
}
