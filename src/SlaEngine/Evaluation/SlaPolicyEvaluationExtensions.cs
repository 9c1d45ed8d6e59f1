using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Diagnostics;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>Evaluation entry points of a compiled <see cref="SlaPolicy"/>.</summary>
public static class SlaPolicyEvaluationExtensions
{
    /// <summary>
    /// Evaluates one lead at <paramref name="at"/>: qualification, tier, routing, milestones with verdicts, next touch,
    /// escalations, warnings and the next change; without the explanation trace (see <see cref="Explain"/>). Pure and
    /// thread-safe: the same policy, lead and instant always give the same result, on any thread.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead snapshot.</param>
    /// <param name="at">The evaluation instant; the engine never reads a clock.</param>
    /// <returns>The evaluation, without trace.</returns>
    /// <exception cref="InvalidLeadException">The lead cannot be evaluated under this policy (see <see cref="TryEvaluate"/>, which returns the error instead).</exception>
    public static LeadEvaluation Evaluate(this SlaPolicy policy, LeadSnapshot lead, Instant at) => policy.Evaluate(lead, at, EvaluationOptions.Default);

    /// <summary>
    /// Evaluates one lead at <paramref name="at"/> and explains it: the same evaluation as <see cref="Evaluate(SlaPolicy, LeadSnapshot, Instant)"/>,
    /// with the explanation trace (each exclusion, scoring rule, trigger, band, route, milestone and rung, with the
    /// values it read). Costs several times an evaluation without trace: call it for the lead someone asks about.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead snapshot.</param>
    /// <param name="at">The evaluation instant; the engine never reads a clock.</param>
    /// <returns>The evaluation, with its trace in <see cref="LeadEvaluation.Trace"/>.</returns>
    /// <exception cref="InvalidLeadException">The lead cannot be evaluated under this policy (see <see cref="TryEvaluate"/> with <see cref="EvaluationOptions.WithTrace"/>, which returns the error instead).</exception>
    public static LeadEvaluation Explain(this SlaPolicy policy, LeadSnapshot lead, Instant at) => policy.Evaluate(lead, at, EvaluationOptions.WithTrace);

    /// <summary>Evaluates one lead at <paramref name="at"/> with options (for example with the trace, or strict).</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead snapshot.</param>
    /// <param name="at">The evaluation instant.</param>
    /// <param name="options">The options.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="InvalidLeadException">The lead cannot be evaluated under this policy (see <see cref="TryEvaluate"/>, which returns the error instead).</exception>
    public static LeadEvaluation Evaluate(this SlaPolicy policy, LeadSnapshot lead, Instant at, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return policy.TryEvaluate(lead, at, options).GetValueOrThrow();
    }

    /// <summary>
    /// Evaluates one lead at <paramref name="at"/>, returning a problem with the lead as a value: never throws for bad
    /// data, so a host answers every lead without try/catch.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead snapshot.</param>
    /// <param name="at">The evaluation instant; the engine never reads a clock.</param>
    /// <param name="options">The options; default without the trace, not strict.</param>
    /// <returns>
    /// The evaluation, or a <see cref="LeadError"/>: <c>SLA0705</c> when the lead pins (<c>assigned</c>) a tier or team
    /// the policy does not define; <c>SLA0707</c> when an instant of the lead, or a deadline computed from it, is
    /// outside the years business time supports (1700–2499); with <see cref="EvaluationOptions.Strict"/>, the first
    /// lead-data warning (<c>SLA0710</c>–<c>SLA0712</c>) as the error.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="lead"/> is null.</exception>
    public static LeadEvaluationResult TryEvaluate(this SlaPolicy policy, LeadSnapshot lead, Instant at, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(lead);
        options ??= EvaluationOptions.Default;
        if (policy.CheckAssignment(lead) is { } problem)
        {
            return LeadEvaluationResult.ForError(problem);
        }

        if (CheckData(policy, lead, at, options.Strict, out var effective, out var warnings) is { } dataProblem)
        {
            return LeadEvaluationResult.ForError(dataProblem);
        }

        try
        {
            var evaluation = options.IncludeNextChange
                ? SlaPolicyTimelineExtensions.WithNextChange(policy, effective, at, options)
                : LeadEvaluator.Evaluate(policy, effective, at, options);
            return LeadEvaluationResult.ForValue(warnings.IsDefaultOrEmpty ? evaluation : evaluation with { Warnings = warnings });
        }
        catch (ArgumentOutOfRangeException)
        {
            // Business-time arithmetic throws this (and only this) when a deadline computed from valid instants falls
            // outside the supported years; the instants themselves were checked above.
            return LeadEvaluationResult.ForError(new LeadError(
                DiagnosticCodes.LeadValueOutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"a deadline of the lead falls outside the years business time supports ({BusinessCalendar.MinYear}–{BusinessCalendar.MaxYear})"))
            {
                LeadId = lead.Id,
            });
        }
    }

    /// <summary>
    /// The checks of a lead's data before it is evaluated (or its timeline computed): its data against the policy's
    /// fields (warnings, or the lead's error when strict) and its instants within the supported years.
    /// </summary>
    /// <returns>The lead's error, or null with the lead as it is evaluated (mismatching values read as missing) and its warnings.</returns>
    internal static LeadError? CheckData(SlaPolicy policy, LeadSnapshot lead, Instant at, bool strict, out LeadSnapshot effective, out ImmutableArray<LeadWarning> warnings)
    {
        (warnings, effective) = LeadDataCheck.Run(policy, lead, at);
        if (strict)
        {
            foreach (var warning in warnings)
            {
                if (warning.IsDataMismatch)
                {
                    return new LeadError(warning.Code, warning.Message) { Path = warning.Path, LeadId = lead.Id };
                }
            }
        }

        return OutOfYears(effective, at);
    }

    /// <summary>Evaluates many leads at one instant, in order, lazily.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="leads">The leads.</param>
    /// <param name="at">The evaluation instant.</param>
    /// <param name="options">The options; default without trace.</param>
    /// <returns>The evaluations, in input order.</returns>
    /// <exception cref="InvalidLeadException">While enumerating: a lead cannot be evaluated (use <see cref="TryEvaluate"/> to answer every lead).</exception>
    public static IEnumerable<LeadEvaluation> EvaluateAll(this SlaPolicy policy, IEnumerable<LeadSnapshot> leads, Instant at, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(leads);
        return EvaluateAllIterator(policy, leads, at, options ?? EvaluationOptions.Default);
    }

    /// <summary>Checks a lead's pinned tier and team against the policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead.</param>
    /// <returns>null when valid, else the error (<c>SLA0705</c>) naming the unknown value.</returns>
    internal static LeadError? CheckAssignment(this SlaPolicy policy, LeadSnapshot lead)
    {
        if (lead.Assigned is not { } assigned)
        {
            return null;
        }

        if (assigned.Tier is { } tier && !policy.TryGetTier(tier, out _))
        {
            return new LeadError(DiagnosticCodes.LeadUnknownAssignment, $"'assigned.tier' is '{tier}', which the policy does not define; it defines: {string.Join(", ", policy.Tiers.Select(t => t.Name))}")
            {
                Path = "assigned.tier",
                LeadId = lead.Id,
            };
        }

        if (assigned.Team is { } team && !policy.Teams.Contains(team))
        {
            return new LeadError(DiagnosticCodes.LeadUnknownAssignment, $"'assigned.team' is '{team}', which the policy does not define; it routes to: {string.Join(", ", policy.Teams)}")
            {
                Path = "assigned.team",
                LeadId = lead.Id,
            };
        }

        return null;
    }

    /// <summary>The start of the first year business time supports (UTC).</summary>
    private static readonly Instant FirstSupported = Instant.FromUtc(BusinessCalendar.MinYear, 1, 1, 0, 0);

    /// <summary>The start of the year after the last one business time supports (UTC).</summary>
    private static readonly Instant AfterLastSupported = Instant.FromUtc(BusinessCalendar.MaxYear + 1, 1, 1, 0, 0);

    /// <summary>The first instant the SLA clock would use that is outside the calendars' years, as an error.</summary>
    private static LeadError? OutOfYears(LeadSnapshot lead, Instant at)
    {
        if (Outside(at))
        {
            return Error("at", at);
        }

        if (lead.MqlAt is { } mqlAt && Outside(mqlAt))
        {
            return Error("mql_at", mqlAt);
        }

        for (var i = 0; i < lead.Touches.Length; i++)
        {
            if (Outside(lead.Touches[i].At))
            {
                return Error(string.Create(CultureInfo.InvariantCulture, $"touches[{i}].at"), lead.Touches[i].At);
            }
        }

        foreach (var interval in lead.Paused.Intervals)
        {
            if (Outside(interval.Start) || Outside(interval.End))
            {
                return Error("paused", Outside(interval.Start) ? interval.Start : interval.End);
            }
        }

        if (lead.Disposition is { } disposition && Outside(disposition.At))
        {
            return Error("disposition.at", disposition.At);
        }

        return null;

        static bool Outside(Instant instant) => instant < FirstSupported || instant >= AfterLastSupported;

        LeadError Error(string path, Instant instant) => new(
            DiagnosticCodes.LeadValueOutOfRange,
            string.Create(CultureInfo.InvariantCulture, $"'{path}' is {InstantText.Format(instant)}, outside the years business time supports ({BusinessCalendar.MinYear}–{BusinessCalendar.MaxYear})"))
        {
            Path = path,
            LeadId = lead.Id,
        };
    }

    private static IEnumerable<LeadEvaluation> EvaluateAllIterator(SlaPolicy policy, IEnumerable<LeadSnapshot> leads, Instant at, EvaluationOptions options)
    {
        foreach (var lead in leads)
        {
            yield return policy.Evaluate(lead, at, options);
        }
    }
}
