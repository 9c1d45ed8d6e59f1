namespace SlaEngine.Evaluation;

/// <summary>
/// The tier and team decided when the lead was handed to sales, pinned by the host so that a later change of
/// attributes does not move deadlines after the fact. Either may be null (not pinned).
/// </summary>
/// <param name="Tier">The pinned tier, or null.</param>
/// <param name="Team">The pinned team, or null.</param>
public sealed record LeadAssignment(string? Tier, string? Team);
