using System.Diagnostics.CodeAnalysis;
namespace SlaEngine.DependencyInjection;

/// <summary>An in-memory policy source for <see cref="SlaEngineOptions"/>: a name (used as the file of diagnostics) and YAML text.</summary>
public sealed record PolicyYamlSource
{
    /// <summary>Initializes a new instance; set every required property.</summary>
    public PolicyYamlSource()
    {
    }

    [SetsRequiredMembers]
    internal PolicyYamlSource(string name, string yaml)
    {
        Name = name;
        Yaml = yaml;
    }

    /// <summary>Gets the source name, for example <c>embedded/rank-bands.yaml</c>; it is the file of every diagnostic.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the YAML text of one policy document.</summary>
    public required string Yaml { get; init; }
}
