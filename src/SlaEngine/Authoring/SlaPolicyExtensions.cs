using System.Collections.Immutable;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine.Authoring;

/// <summary>Authoring checks on a compiled <see cref="SlaPolicy"/>.</summary>
public static class SlaPolicyExtensions
{
    /// <summary>
    /// Lints the policy: finds rules that can never apply, budgets that cannot be met, escalations that come after the
    /// deadline they watch, unused tiers, thin calendars and holidays that close nothing. Every finding is a warning
    /// (codes SLA0600–SLA0699, listed in <c>docs/authoring.md</c>) located at the element it is about.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The warnings, sorted by line and column; empty when there are none. Load-time warnings
    /// (<see cref="SlaPolicy.Warnings"/>) are not repeated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <remarks>Pure and thread-safe; the policy is not changed.</remarks>
    public static ImmutableArray<Diagnostic> Lint(this SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return PolicyLinter.Lint(policy);
    }
}
