using System.Collections.Immutable;
using SlaEngine.Evaluation;

namespace SlaEngine.Authoring;

/// <summary>One lead evaluated under a base and a candidate policy, and the fields that differ.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LeadComparison
{
    internal LeadComparison(LeadEvaluation @base, LeadEvaluation candidate, ImmutableArray<FieldChange> changes)
    {
        Base = @base;
        Candidate = candidate;
        Changes = changes;
    }

    /// <summary>Gets the lead's id.</summary>
    public string Id => Base.Id;

    /// <summary>Gets the evaluation under the base policy.</summary>
    public LeadEvaluation Base { get; }

    /// <summary>Gets the evaluation under the candidate policy.</summary>
    public LeadEvaluation Candidate { get; }

    /// <summary>
    /// Gets the differences, in a fixed order: <c>status</c>, <c>tier</c>, <c>team</c>, then per milestone (base order,
    /// then milestones only the candidate has) its <c>due</c> and <c>status</c>.
    /// </summary>
    public ImmutableArray<FieldChange> Changes { get; }

    /// <summary>Gets a value indicating whether any compared field differs.</summary>
    public bool Differs => !Changes.IsEmpty;
}
