using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// The thread-safe <see cref="IPolicyStore"/>: loads every policy of a <see cref="SlaEngineOptions"/> eagerly, keeps
/// every id and version in an immutable <see cref="PolicySet"/> snapshot, and swaps the snapshot atomically on
/// <see cref="Reload"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Start-up fails once, with everything.</b> The constructor reads and compiles every source before it returns. If any
/// source has an error — a policy error, an unreadable file or directory, the same id and version defined twice
/// (SLA0151), or an active-version pin naming a policy or version that is not loaded (SLA0152, SLA0153) — it throws a
/// single <see cref="PolicyValidationException"/> whose <see cref="PolicyValidationException.Diagnostics"/> hold every
/// diagnostic of every source, each with its <c>file:line:column</c>. Registered through
/// <see cref="SlaEngineServiceCollectionExtensions.AddSlaEngine"/>, the store is created on first resolution: resolve
/// <see cref="IPolicyStore"/> once at start-up so that a bad policy stops the host before it serves anything.
/// </para>
/// <para>
/// <b>Reload never breaks a running host.</b> <see cref="Reload"/> re-reads the same sources; on success it publishes a new
/// snapshot, on failure it keeps the old one and returns the errors. Evaluations in flight keep the policy (and
/// snapshot) they already took. Reloads are serialized; readers never block.
/// </para>
/// <para>A store holds no unmanaged resources and does not watch files; call <see cref="Reload"/> when the sources change.</para>
/// </remarks>
public sealed class PolicyStore : IPolicyStore
{
    private readonly PolicySources _sources;
    private readonly Lock _reloadGate = new();
    private PolicySet _current;

    /// <summary>Initializes a new instance of the <see cref="PolicyStore"/> class and loads every policy.</summary>
    /// <param name="options">The sources and pins; copied, so later changes to it have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options hold a null path or source, or a pin to a version that is not positive.</exception>
    /// <exception cref="PolicyValidationException">A source has errors; the exception carries every diagnostic of every source.</exception>
    public PolicyStore(SlaEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sources = new PolicySources(options);
        var (set, diagnostics) = _sources.Load(generation: 1);
        _current = set ?? throw new PolicyValidationException(diagnostics);
    }

    /// <inheritdoc />
    public PolicySet Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public ImmutableArray<SlaPolicy> Policies => Current.Policies;

    /// <inheritdoc />
    public SlaPolicy GetActive(string policyId) => Current.GetActive(policyId);

    /// <inheritdoc />
    public bool TryGetActive(string policyId, [MaybeNullWhen(false)] out SlaPolicy policy) => Current.TryGetActive(policyId, out policy);

    /// <inheritdoc />
    public SlaPolicy Get(string policyId, int version) => Current.Get(policyId, version);

    /// <inheritdoc />
    public bool TryGet(string policyId, int version, [MaybeNullWhen(false)] out SlaPolicy policy) => Current.TryGet(policyId, version, out policy);

    /// <inheritdoc />
    public PolicyReloadResult Reload()
    {
        lock (_reloadGate)
        {
            var previous = Current;
            var (set, diagnostics) = _sources.Load(previous.Generation + 1);
            if (set is null)
            {
                return new PolicyReloadResult(false, previous, diagnostics);
            }

            Volatile.Write(ref _current, set);
            return new PolicyReloadResult(true, set, diagnostics);
        }
    }
}
