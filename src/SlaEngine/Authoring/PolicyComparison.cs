using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Reporting;

namespace SlaEngine.Authoring;

/// <summary>
/// Backtests a candidate policy against a base policy: evaluates each lead under both at one instant, reports the
/// fields that differ (status, tier, team, milestone dues and verdicts), and adds up each policy's totals (leads per
/// status and tier, breaches, leakage, touch load per team per business day).
/// </summary>
/// <example>
/// <code>
/// var comparison = new PolicyComparison(current, proposed, at);
/// foreach (var lead in comparison.Compare(leads))   // lazily: only the leads that differ
/// {
///     Console.WriteLine($"{lead.Id}: {string.Join(", ", lead.Changes.Select(c => $"{c.Field} {c.Base} -> {c.Candidate}"))}");
/// }
///
/// var totals = comparison.Totals;
/// </code>
/// </example>
/// <remarks>
/// Streaming: memory stays constant whatever the number of leads, apart from the totals' counters (one per status,
/// tier and team). An instance accumulates totals, so it is not thread-safe; the policies themselves are shared safely.
/// </remarks>
public sealed class PolicyComparison
{
    private readonly PolicyTotalsAccumulator _base;
    private readonly PolicyTotalsAccumulator _candidate;
    private int _leads;
    private int _differing;

    /// <summary>Initializes a new instance of the <see cref="PolicyComparison"/> class.</summary>
    /// <param name="basePolicy">The policy in force.</param>
    /// <param name="candidatePolicy">The policy proposed instead.</param>
    /// <param name="at">The evaluation instant for every lead.</param>
    /// <exception cref="ArgumentNullException">A policy is null.</exception>
    public PolicyComparison(SlaPolicy basePolicy, SlaPolicy candidatePolicy, Instant at)
    {
        ArgumentNullException.ThrowIfNull(basePolicy);
        ArgumentNullException.ThrowIfNull(candidatePolicy);
        BasePolicy = basePolicy;
        CandidatePolicy = candidatePolicy;
        At = at;
        _base = new PolicyTotalsAccumulator(basePolicy);
        _candidate = new PolicyTotalsAccumulator(candidatePolicy);
    }

    /// <summary>Gets the policy in force.</summary>
    public SlaPolicy BasePolicy { get; }

    /// <summary>Gets the policy proposed instead.</summary>
    public SlaPolicy CandidatePolicy { get; }

    /// <summary>Gets the evaluation instant.</summary>
    public Instant At { get; }

    /// <summary>Gets the totals of the leads added so far (a snapshot).</summary>
    public PolicyComparisonTotals Totals => new(_leads, _differing, _base.ToTotals(), _candidate.ToTotals());

    /// <summary>Evaluates one lead under both policies, adds it to the totals and returns the comparison.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>The comparison; <see cref="LeadComparison.Differs"/> says whether anything changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    /// <exception cref="InvalidLeadException">The lead cannot be evaluated under one of the policies (the lead is not counted); to answer every lead, evaluate with <see cref="SlaPolicyEvaluationExtensions.TryEvaluate"/> and call <see cref="Add(LeadEvaluation, LeadEvaluation)"/>.</exception>
    public LeadComparison Add(LeadSnapshot lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var options = EvaluationOptions.WithoutTrace;
        var baseEvaluation = BasePolicy.Evaluate(lead, At, options);
        var candidateEvaluation = CandidatePolicy.Evaluate(lead, At, options);
        return Add(baseEvaluation, candidateEvaluation);
    }

    /// <summary>
    /// Adds one lead already evaluated under both policies (at <see cref="At"/>) to the totals and returns the
    /// comparison. Use it to evaluate with <see cref="SlaPolicyEvaluationExtensions.TryEvaluate"/>, so that a lead one policy cannot
    /// evaluate is answered with its error instead of stopping the batch.
    /// </summary>
    /// <param name="baseEvaluation">The lead's evaluation under <see cref="BasePolicy"/>.</param>
    /// <param name="candidateEvaluation">The same lead's evaluation under <see cref="CandidatePolicy"/>.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An evaluation is null.</exception>
    /// <exception cref="ArgumentException">The evaluations are of different leads.</exception>
    public LeadComparison Add(LeadEvaluation baseEvaluation, LeadEvaluation candidateEvaluation)
    {
        ArgumentNullException.ThrowIfNull(baseEvaluation);
        ArgumentNullException.ThrowIfNull(candidateEvaluation);
        if (!string.Equals(baseEvaluation.Id, candidateEvaluation.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The evaluations are of two leads ('{baseEvaluation.Id}' and '{candidateEvaluation.Id}'); pass one lead's evaluations under both policies.", nameof(candidateEvaluation));
        }

        var comparison = new LeadComparison(baseEvaluation, candidateEvaluation, Diff(baseEvaluation, candidateEvaluation));
        _leads++;
        _differing += comparison.Differs ? 1 : 0;
        _base.Add(baseEvaluation);
        _candidate.Add(candidateEvaluation);
        return comparison;
    }

    /// <summary>Compares many leads lazily, yielding only those that differ; every lead counts in <see cref="Totals"/>.</summary>
    /// <param name="leads">The leads.</param>
    /// <returns>The comparisons of the leads that differ, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is null.</exception>
    public IEnumerable<LeadComparison> Compare(IEnumerable<LeadSnapshot> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        return CompareIterator(leads);
    }

    internal static ImmutableArray<FieldChange> Diff(LeadEvaluation a, LeadEvaluation b)
    {
        var changes = ImmutableArray.CreateBuilder<FieldChange>();
        Compare(changes, "status", EvaluationJson.StatusText(a.Status), EvaluationJson.StatusText(b.Status));
        Compare(changes, "tier", a.Tier, b.Tier);
        Compare(changes, "team", a.Team, b.Team);
        var names = a.Milestones.Select(m => m.Name).Concat(b.Milestones.Select(m => m.Name)).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var x = a.Milestone(name);
            var y = b.Milestone(name);
            Compare(changes, "milestones." + name + ".due", Format(x?.Due), Format(y?.Due));
            Compare(changes, "milestones." + name + ".status", x is null ? null : EvaluationJson.StatusText(x.Status), y is null ? null : EvaluationJson.StatusText(y.Status));
        }

        return changes.ToImmutable();
    }

    private static void Compare(ImmutableArray<FieldChange>.Builder changes, string field, string? a, string? b)
    {
        if (!string.Equals(a, b, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, a, b));
        }
    }

    private static string? Format(Instant? instant) => instant is { } value ? EvaluationJson.FormatInstant(value) : null;

    private IEnumerable<LeadComparison> CompareIterator(IEnumerable<LeadSnapshot> leads)
    {
        foreach (var lead in leads)
        {
            var comparison = Add(lead);
            if (comparison.Differs)
            {
                yield return comparison;
            }
        }
    }
}
