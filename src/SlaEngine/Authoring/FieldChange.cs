namespace SlaEngine.Authoring;

/// <summary>One field of a lead's evaluation that differs between two policies.</summary>
/// <param name="Field"><c>status</c>, <c>tier</c>, <c>team</c>, or <c>milestones.NAME.due</c> / <c>milestones.NAME.status</c>.</param>
/// <param name="Base">The value under the base policy as the <c>evaluate</c> JSON prints it, or <see langword="null"/>.</param>
/// <param name="Candidate">The value under the candidate policy, or <see langword="null"/>.</param>
public sealed record FieldChange(string Field, string? Base, string? Candidate);
