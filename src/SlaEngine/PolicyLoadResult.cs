using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine;

/// <summary>The outcome of <see cref="PolicyLoader.TryLoad"/>: the policy when it loaded, and every diagnostic.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PolicyLoadResult
{
    internal PolicyLoadResult(SlaPolicy? policy, ImmutableArray<Diagnostic> diagnostics)
    {
        Policy = policy;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets a value indicating whether the policy loaded (no errors; warnings are allowed).</summary>
    [MemberNotNullWhen(true, nameof(Policy))]
    public bool Success => Policy is not null;

    /// <summary>Gets the policy, or <see langword="null"/> when there were errors.</summary>
    public SlaPolicy? Policy { get; }

    /// <summary>Gets every diagnostic: errors first, then warnings, each sorted by line and column.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the errors only.</summary>
    public ImmutableArray<Diagnostic> Errors => Diagnostics.Where(d => d.IsError).ToImmutableArray();
}
