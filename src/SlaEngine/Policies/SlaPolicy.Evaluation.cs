using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Policies;

/// <summary>Evaluation entry points of a compiled policy.</summary>
public sealed partial class SlaPolicy
{
    /// <summary>
    /// Evaluates one lead at <paramref name="at"/> (spec section 4): qualification, tier, routing, milestones with
    /// verdicts, next touch, escalations and the explanation trace. Pure and thread-safe: the same policy, lead and
    /// instant always give the same result, on any thread.
    /// </summary>
    /// <param name="lead">The lead snapshot.</param>
    /// <param name="at">The evaluation instant; the engine never reads a clock.</param>
    /// <returns>The evaluation, with its trace.</returns>
    /// <exception cref="ArgumentException">The lead pins a tier or team the policy does not define.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deadline falls outside the calendar's supported years (1700–2499).</exception>
    public LeadEvaluation Evaluate(LeadSnapshot lead, Instant at) => Evaluate(lead, at, EvaluationOptions.Default);

    /// <summary>Evaluates one lead at <paramref name="at"/> with options (for example without the trace).</summary>
    /// <param name="lead">The lead snapshot.</param>
    /// <param name="at">The evaluation instant.</param>
    /// <param name="options">The options.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentException">The lead pins a tier or team the policy does not define.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deadline falls outside the calendar's supported years (1700–2499).</exception>
    public LeadEvaluation Evaluate(LeadSnapshot lead, Instant at, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(options);
        if (CheckAssignment(lead) is { } problem)
        {
            throw new ArgumentException(problem, nameof(lead));
        }

        return options.IncludeNextChange ? WithNextChange(this, lead, at, options) : LeadEvaluator.Evaluate(this, lead, at, options);
    }

    /// <summary>Evaluates many leads at one instant, in order, lazily.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="at">The evaluation instant.</param>
    /// <param name="options">The options; default with trace.</param>
    /// <returns>The evaluations, in input order.</returns>
    public IEnumerable<LeadEvaluation> EvaluateAll(IEnumerable<LeadSnapshot> leads, Instant at, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(leads);
        return EvaluateAllIterator(leads, at, options ?? EvaluationOptions.Default);
    }

    /// <summary>Checks a lead's pinned tier and team against the policy.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>null when valid, else a message naming the unknown value.</returns>
    internal string? CheckAssignment(LeadSnapshot lead)
    {
        if (lead.Assigned is not { } assigned)
        {
            return null;
        }

        if (assigned.Tier is { } tier && !TryGetTier(tier, out _))
        {
            return $"'assigned.tier' is '{tier}', which the policy does not define; it defines: {string.Join(", ", Tiers.Select(t => t.Name))}";
        }

        if (assigned.Team is { } team && !Teams.Contains(team))
        {
            return $"'assigned.team' is '{team}', which the policy does not define; it routes to: {string.Join(", ", Teams)}";
        }

        return null;
    }

    private IEnumerable<LeadEvaluation> EvaluateAllIterator(IEnumerable<LeadSnapshot> leads, Instant at, EvaluationOptions options)
    {
        foreach (var lead in leads)
        {
            yield return Evaluate(lead, at, options);
        }
    }
}
