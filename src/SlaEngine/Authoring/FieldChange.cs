namespace SlaEngine.Authoring;

/// <summary>One field of a lead's evaluation that differs between two policies.</summary>
public sealed record FieldChange
{
    internal FieldChange(string field, string? @base, string? candidate)
    {
        Field = field;
        Base = @base;
        Candidate = candidate;
    }

    /// <summary><c>status</c>, <c>tier</c>, <c>team</c>, or <c>milestones.NAME.due</c> / <c>milestones.NAME.status</c>.</summary>
    public string Field { get; init; }

    /// <summary>Gets the value under the base policy as the <c>evaluate</c> JSON prints it, or <see langword="null"/>.</summary>
    public string? Base { get; init; }

    /// <summary>Gets the value under the candidate policy, or <see langword="null"/>.</summary>
    public string? Candidate { get; init; }
}
