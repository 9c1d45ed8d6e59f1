using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>Evaluation entry points of a compiled <see cref="SlaPolicy"/>.</summary>
public static class SlaPolicyEvaluationExtensions
{
    /// <summary>
    /// Evaluates one lead at <paramref name="at"/>: qualification, tier, routing, milestones with
    /// verdicts, next touch, escalations and the explanation trace. Pure and thread-safe: the same policy, lead and
    /// instant always give the same result, on any thread.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead snapshot.</param>
    /// <param name="at">The evaluation instant; the engine never reads a clock.</param>
    /// <returns>The evaluation, with its trace.</returns>
    /// <exception cref="ArgumentException">The lead pins a tier or team the policy does not define.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deadline falls outside the calendar's supported years (1700–2499).</exception>
    public static LeadEvaluation Evaluate(this SlaPolicy policy, LeadSnapshot lead, Instant at) => policy.Evaluate(lead, at, EvaluationOptions.Default);

    /// <summary>Evaluates one lead at <paramref name="at"/> with options (for example without the trace).</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead snapshot.</param>
    /// <param name="at">The evaluation instant.</param>
    /// <param name="options">The options.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentException">The lead pins a tier or team the policy does not define.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deadline falls outside the calendar's supported years (1700–2499).</exception>
    public static LeadEvaluation Evaluate(this SlaPolicy policy, LeadSnapshot lead, Instant at, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(options);
        if (policy.CheckAssignment(lead) is { } problem)
        {
            throw new ArgumentException(problem, nameof(lead));
        }

        return LeadEvaluator.Evaluate(policy, lead, at, options);
    }

    /// <summary>Evaluates many leads at one instant, in order, lazily.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="leads">The leads.</param>
    /// <param name="at">The evaluation instant.</param>
    /// <param name="options">The options; default with trace.</param>
    /// <returns>The evaluations, in input order.</returns>
    public static IEnumerable<LeadEvaluation> EvaluateAll(this SlaPolicy policy, IEnumerable<LeadSnapshot> leads, Instant at, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(leads);
        return EvaluateAllIterator(policy, leads, at, options ?? EvaluationOptions.Default);
    }

    /// <summary>Checks a lead's pinned tier and team against the policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead.</param>
    /// <returns>null when valid, else a message naming the unknown value.</returns>
    internal static string? CheckAssignment(this SlaPolicy policy, LeadSnapshot lead)
    {
        if (lead.Assigned is not { } assigned)
        {
            return null;
        }

        if (assigned.Tier is { } tier && !policy.TryGetTier(tier, out _))
        {
            return $"'assigned.tier' is '{tier}', which the policy does not define; it defines: {string.Join(", ", policy.Tiers.Select(t => t.Name))}";
        }

        if (assigned.Team is { } team && !policy.Teams.Contains(team))
        {
            return $"'assigned.team' is '{team}', which the policy does not define; it routes to: {string.Join(", ", policy.Teams)}";
        }

        return null;
    }

    private static IEnumerable<LeadEvaluation> EvaluateAllIterator(SlaPolicy policy, IEnumerable<LeadSnapshot> leads, Instant at, EvaluationOptions options)
    {
        foreach (var lead in leads)
        {
            yield return policy.Evaluate(lead, at, options);
        }
    }
}
