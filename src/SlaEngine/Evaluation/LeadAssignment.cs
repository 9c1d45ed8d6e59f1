using System.Diagnostics.CodeAnalysis;
namespace SlaEngine.Evaluation;

/// <summary>
/// The tier and team decided when the lead was handed to sales, pinned by the host so that a later change of
/// attributes does not move deadlines after the fact. Either may be null (not pinned).
/// </summary>
public sealed record LeadAssignment
{
    /// <summary>Initializes a new instance; set every required property.</summary>
    public LeadAssignment()
    {
    }

    [SetsRequiredMembers]
    internal LeadAssignment(string? tier, string? team)
    {
        Tier = tier;
        Team = team;
    }

    /// <summary>Gets the pinned tier, or null.</summary>
    public required string? Tier { get; init; }

    /// <summary>Gets the pinned team, or null.</summary>
    public required string? Team { get; init; }
}
