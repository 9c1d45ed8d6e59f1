using System.Collections.Immutable;
using SlaEngine.Diagnostics;

namespace SlaEngine.DependencyInjection;

/// <summary>The outcome of <see cref="IPolicyStore.Reload"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PolicyReloadResult
{
    internal PolicyReloadResult(bool success, PolicySet current, ImmutableArray<Diagnostic> diagnostics)
    {
        Success = success;
        Current = current;
        Diagnostics = diagnostics;
    }

    /// <summary>
    /// Gets a value indicating whether the reload succeeded and <see cref="Current"/> is the new snapshot. When
    /// <see langword="false"/>, the store kept its previous snapshot and <see cref="Errors"/> says why.
    /// </summary>
    public bool Success { get; }

    /// <summary>Gets the store's snapshot after the reload: the new one on success, else the unchanged previous one.</summary>
    public PolicySet Current { get; }

    /// <summary>Gets every diagnostic of every source (errors and warnings), source by source, then those across sources.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the errors only.</summary>
    public ImmutableArray<Diagnostic> Errors => Diagnostics.Where(d => d.IsError).ToImmutableArray();
}
