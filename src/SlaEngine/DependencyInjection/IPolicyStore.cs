using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using SlaEngine.Policies;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// Holds the compiled policies a host evaluates leads with: every loaded id and version, which version of each is
/// active, and a way to reload them from their sources without restarting. Registered by
/// <see cref="SlaEngineServiceCollectionExtensions.AddSlaEngine"/>; <see cref="PolicyStore"/> is the implementation.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. Every member reads one immutable <see cref="PolicySet"/> snapshot; a reload
/// swaps the snapshot atomically, so an evaluation that already holds a policy (or a snapshot) keeps it, and a reader
/// never sees a half-reloaded store. To make several look-ups against the same snapshot, read <see cref="Current"/> once.
/// </remarks>
public interface IPolicyStore
{
    /// <summary>Gets the current snapshot.</summary>
    PolicySet Current { get; }

    /// <summary>Gets every loaded policy of the current snapshot, every version, ordered by id then version.</summary>
    ImmutableArray<SlaPolicy> Policies { get; }

    /// <summary>Gets the active version of a policy in the current snapshot.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No policy has that id.</exception>
    SlaPolicy GetActive(string policyId);

    /// <summary>Finds the active version of a policy in the current snapshot.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <param name="policy">The policy, when found.</param>
    /// <returns>Whether a policy has that id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    bool TryGetActive(string policyId, [MaybeNullWhen(false)] out SlaPolicy policy);

    /// <summary>Gets one version of a policy in the current snapshot.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <param name="version">The version.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">That id and version are not loaded.</exception>
    SlaPolicy Get(string policyId, int version);

    /// <summary>Finds one version of a policy in the current snapshot.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <param name="version">The version.</param>
    /// <param name="policy">The policy, when found.</param>
    /// <returns>Whether that id and version are loaded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    bool TryGet(string policyId, int version, [MaybeNullWhen(false)] out SlaPolicy policy);

    /// <summary>
    /// Re-reads every source and, when all of them load without errors, swaps in the new snapshot atomically. When any
    /// source has an error, the current snapshot is kept and the result carries every diagnostic. Never throws for bad
    /// policy files; concurrent reloads run one at a time.
    /// </summary>
    /// <returns>The outcome.</returns>
    PolicyReloadResult Reload();
}
