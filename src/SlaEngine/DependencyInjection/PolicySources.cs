using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// A frozen copy of the sources of <see cref="SlaEngineOptions"/>, and the loading of all of them into a
/// <see cref="PolicySet"/> with every diagnostic. A source listed twice (same full path, or same name and text) is read once.
/// </summary>
internal sealed class PolicySources
{
    private readonly ImmutableArray<string> _files;
    private readonly ImmutableArray<string> _directories;
    private readonly ImmutableArray<PolicyYamlSource> _yaml;
    private readonly FrozenDictionary<string, int> _pins;

    internal PolicySources(SlaEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseDirectory = options.BaseDirectory;
        _files = Distinct(options.PolicyFiles, baseDirectory, nameof(SlaEngineOptions.PolicyFiles));
        _directories = Distinct(options.PolicyDirectories, baseDirectory, nameof(SlaEngineOptions.PolicyDirectories));
        _yaml = options.YamlSources
            .Select(s => s ?? throw new ArgumentException("SlaEngineOptions.YamlSources holds a null source.", nameof(options)))
            .Distinct()
            .ToImmutableArray();
        foreach (var source in _yaml)
        {
            if (source.Name is null || source.Yaml is null)
            {
                throw new ArgumentException("SlaEngineOptions.YamlSources holds a source whose name or text is null.", nameof(options));
            }
        }

        foreach (var pin in options.ActiveVersions)
        {
            if (pin.Value <= 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"SlaEngineOptions.ActiveVersions pins '{pin.Key}' to version {pin.Value}; versions are positive integers."),
                    nameof(options));
            }
        }

        _pins = options.ActiveVersions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Reads and compiles every source; returns the set when there is no error, and every diagnostic.</summary>
    internal (PolicySet? Set, ImmutableArray<Diagnostic> Diagnostics) Load(long generation)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var loaded = new List<SlaPolicy>();

        void Add(PolicyLoadResult result)
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Policy is { } policy)
            {
                loaded.Add(policy);
            }
        }

        foreach (var file in _files)
        {
            Add(PolicyLoader.TryLoadFile(file));
        }

        foreach (var directory in _directories)
        {
            string[] files;
            try
            {
                files = Directory.GetFiles(directory, "*.yaml", SearchOption.TopDirectoryOnly);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                var reason = e is DirectoryNotFoundException ? "the directory does not exist" : e.Message;
                diagnostics.Add(new Diagnostic(DiagnosticCodes.PolicyDirectoryUnreadable, DiagnosticSeverity.Error, "cannot list the policy directory: " + reason, directory, 0, 0));
                continue;
            }

            // GetFiles("*.yaml") also matches "*.yamlx" on some platforms (8.3 names); keep exactly ".yaml".
            // Policy tests (`*.tests.yaml`) live beside their policies and are not policies.
            foreach (var file in files.Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            {
                Add(PolicyLoader.TryLoadFile(file));
            }
        }

        foreach (var source in _yaml)
        {
            Add(PolicyLoader.TryLoad(source.Yaml, source.Name));
        }

        CheckAcrossSources(loaded, diagnostics);
        var all = diagnostics.ToImmutable();
        if (all.Any(d => d.IsError))
        {
            return (null, all);
        }

        return (new PolicySet(loaded, _pins, generation, all), all);
    }

    private static ImmutableArray<string> Distinct(IList<string> paths, string? baseDirectory, string property)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path is null)
            {
                throw new ArgumentException($"SlaEngineOptions.{property} holds a null path.", nameof(paths));
            }

            var full = baseDirectory is null ? Path.GetFullPath(path) : Path.GetFullPath(path, Path.GetFullPath(baseDirectory));
            if (seen.Add(full))
            {
                result.Add(full);
            }
        }

        return result.ToImmutable();
    }

    private void CheckAcrossSources(List<SlaPolicy> loaded, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var firstSource = new Dictionary<(string Id, int Version), string>();
        for (var i = 0; i < loaded.Count; i++)
        {
            var policy = loaded[i];
            if (firstSource.TryGetValue((policy.Id, policy.Version), out var other))
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.DuplicatePolicyVersion,
                    DiagnosticSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"policy '{policy.Id}' version {policy.Version} is already defined in {other}; each version of a policy must come from one source"),
                    policy.SourceName,
                    0,
                    0));
                loaded.RemoveAt(i--);
            }
            else
            {
                firstSource.Add((policy.Id, policy.Version), policy.SourceName);
            }
        }

        foreach (var (id, version) in _pins.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var versions = loaded.Where(p => p.Id == id).Select(p => p.Version).Order().ToList();
            if (versions.Count == 0)
            {
                // When the policy's own file failed to load, that error already explains the missing id.
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.PinnedPolicyNotFound,
                    DiagnosticSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"the active version of policy '{id}' is pinned to {version}, but no source defines policy '{id}'"),
                    string.Empty,
                    0,
                    0));
            }
            else if (!versions.Contains(version))
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.PinnedVersionNotFound,
                    DiagnosticSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"the active version of policy '{id}' is pinned to {version}, which is not loaded; loaded versions: {string.Join(", ", versions)}"),
                    string.Empty,
                    0,
                    0));
            }
        }
    }
}
