using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// An immutable snapshot of the policies a <see cref="IPolicyStore"/> holds: every loaded id and version, and which
/// version of each id is active (the highest, unless pinned in <see cref="SlaEngineOptions.ActiveVersions"/>).
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A reload never changes a snapshot: it replaces the store's <see cref="IPolicyStore.Current"/>
/// with a new one, so code that took a snapshot (or a policy from it) keeps a consistent view for as long as it holds it.
/// Ids and versions are compared ordinally (case-sensitive).
/// </remarks>
public sealed class PolicySet
{
    private readonly FrozenDictionary<string, ImmutableArray<SlaPolicy>> _versionsById;
    private readonly FrozenDictionary<string, SlaPolicy> _activeById;

    internal PolicySet(IEnumerable<SlaPolicy> policies, IReadOnlyDictionary<string, int> pins, long generation, ImmutableArray<Diagnostic> warnings)
    {
        Policies = policies
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ThenBy(p => p.Version)
            .ToImmutableArray();
        _versionsById = Policies
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _activeById = _versionsById.ToFrozenDictionary(
            pair => pair.Key,
            pair => pins.TryGetValue(pair.Key, out var pinned) ? pair.Value.First(p => p.Version == pinned) : pair.Value[^1],
            StringComparer.Ordinal);
        PolicyIds = Policies.Select(p => p.Id).Distinct(StringComparer.Ordinal).ToImmutableArray();
        ActivePolicies = PolicyIds.Select(id => _activeById[id]).ToImmutableArray();
        Generation = generation;
        Warnings = warnings;
    }

    /// <summary>Gets the snapshot's generation: 1 for the policies loaded at start-up, plus one for each successful reload.</summary>
    public long Generation { get; }

    /// <summary>Gets every loaded policy, every version, ordered by id (ordinal) then version.</summary>
    public ImmutableArray<SlaPolicy> Policies { get; }

    /// <summary>Gets the distinct policy ids, in ordinal order.</summary>
    public ImmutableArray<string> PolicyIds { get; }

    /// <summary>Gets the active version of each policy, in the order of <see cref="PolicyIds"/>.</summary>
    public ImmutableArray<SlaPolicy> ActivePolicies { get; }

    /// <summary>Gets the warnings reported while loading this snapshot (the policies loaded despite them).</summary>
    public ImmutableArray<Diagnostic> Warnings { get; }

    /// <summary>Gets the loaded versions of a policy, ascending.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <returns>The versions; empty when the id is unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    public ImmutableArray<int> GetVersions(string policyId)
    {
        ArgumentNullException.ThrowIfNull(policyId);
        return _versionsById.TryGetValue(policyId, out var versions) ? versions.Select(p => p.Version).ToImmutableArray() : [];
    }

    /// <summary>Gets the active version of a policy: the pinned version, else the highest loaded one.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No policy has that id; the message lists the ids that are loaded.</exception>
    public SlaPolicy GetActive(string policyId) =>
        TryGetActive(policyId, out var policy) ? policy : throw new KeyNotFoundException(UnknownId(policyId));

    /// <summary>Finds the active version of a policy.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <param name="policy">The policy, when found.</param>
    /// <returns>Whether a policy has that id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    public bool TryGetActive(string policyId, [MaybeNullWhen(false)] out SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policyId);
        return _activeById.TryGetValue(policyId, out policy);
    }

    /// <summary>Gets one version of a policy, active or not.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <param name="version">The version.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">That id and version are not loaded; the message lists what is.</exception>
    public SlaPolicy Get(string policyId, int version)
    {
        if (TryGet(policyId, version, out var policy))
        {
            return policy;
        }

        if (!_versionsById.ContainsKey(policyId))
        {
            throw new KeyNotFoundException(UnknownId(policyId));
        }

        throw new KeyNotFoundException(string.Create(
            CultureInfo.InvariantCulture,
            $"Policy '{policyId}' has no version {version}; loaded versions: {string.Join(", ", GetVersions(policyId))}."));
    }

    /// <summary>Finds one version of a policy.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <param name="version">The version.</param>
    /// <param name="policy">The policy, when found.</param>
    /// <returns>Whether that id and version are loaded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    public bool TryGet(string policyId, int version, [MaybeNullWhen(false)] out SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policyId);
        if (_versionsById.TryGetValue(policyId, out var versions))
        {
            foreach (var candidate in versions)
            {
                if (candidate.Version == version)
                {
                    policy = candidate;
                    return true;
                }
            }
        }

        policy = null;
        return false;
    }

    private string UnknownId(string policyId) => PolicyIds.IsEmpty
        ? $"No policy '{policyId}' is loaded; the store holds no policies."
        : $"No policy '{policyId}' is loaded; loaded policies: {string.Join(", ", PolicyIds)}.";
}
