namespace SlaEngine.DependencyInjection;

/// <summary>
/// Where a <see cref="PolicyStore"/> finds its policies: files, directories, in-memory YAML, and optional active-version
/// pins. Configured by <see cref="SlaEngineServiceCollectionExtensions.AddSlaEngine"/> or passed to
/// <see cref="PolicyStore(SlaEngineOptions)"/>.
/// </summary>
/// <remarks>
/// <para>
/// An options object is mutable and not thread-safe; configure it once, at start-up. A <see cref="PolicyStore"/> copies
/// it when constructed: changing the options afterwards does not affect the store, and
/// <see cref="IPolicyStore.Reload"/> re-reads the same sources (the listing of each directory is taken again, so a
/// file added to a directory is picked up).
/// </para>
/// <para>
/// Relative paths are resolved against <see cref="BaseDirectory"/> when it is set, else against the process's current
/// directory at the time the store reads them.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// services.AddSlaEngine(options => options
///     .AddPolicyDirectory("policies")
///     .AddPolicyFile("extra/escalation-ladder.yaml")
///     .PinVersion("lattice-predictive", 3));
/// </code>
/// </example>
public sealed class SlaEngineOptions
{
    /// <summary>Gets the policy files to load (one policy per file), in order.</summary>
    public IList<string> PolicyFiles { get; } = new List<string>();

    /// <summary>
    /// Gets the directories whose <c>*.yaml</c> files (top level only, not subdirectories) are loaded as policies, in
    /// ordinal order of file name. A directory that does not exist is an error (SLA0154).
    /// </summary>
    public IList<string> PolicyDirectories { get; } = new List<string>();

    /// <summary>Gets the in-memory policy sources, in order.</summary>
    public IList<PolicyYamlSource> YamlSources { get; } = new List<PolicyYamlSource>();

    /// <summary>
    /// Gets the active-version pins: policy id → the version <see cref="IPolicyStore.GetActive"/> returns. A policy without
    /// a pin is active in its highest loaded version. A pin naming a policy or version that is not loaded is an error
    /// (SLA0152, SLA0153).
    /// </summary>
    public IDictionary<string, int> ActiveVersions { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the directory that relative file and directory paths are resolved against; <see langword="null"/>
    /// (the default) means the current directory.
    /// </summary>
    public string? BaseDirectory { get; set; }

    /// <summary>Adds a policy file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public SlaEngineOptions AddPolicyFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        PolicyFiles.Add(path);
        return this;
    }

    /// <summary>Adds a directory of policy files (<c>*.yaml</c>, top level only; policy tests named <c>*.tests.yaml</c> are skipped).</summary>
    /// <param name="path">The directory path.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public SlaEngineOptions AddPolicyDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        PolicyDirectories.Add(path);
        return this;
    }

    /// <summary>Adds a policy given as YAML text.</summary>
    /// <param name="name">The source name used as the file of diagnostics.</param>
    /// <param name="yaml">The YAML text of one policy.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="yaml"/> is null.</exception>
    public SlaEngineOptions AddPolicyYaml(string name, string yaml)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(yaml);
        YamlSources.Add(new PolicyYamlSource(name, yaml));
        return this;
    }

    /// <summary>Pins the active version of a policy (replacing an earlier pin for the same id).</summary>
    /// <param name="policyId">The policy id.</param>
    /// <param name="version">The version that <see cref="IPolicyStore.GetActive"/> returns for it.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not positive.</exception>
    public SlaEngineOptions PinVersion(string policyId, int version)
    {
        ArgumentNullException.ThrowIfNull(policyId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ActiveVersions[policyId] = version;
        return this;
    }
}
