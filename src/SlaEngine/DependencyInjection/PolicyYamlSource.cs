namespace SlaEngine.DependencyInjection;

/// <summary>An in-memory policy source for <see cref="SlaEngineOptions"/>: a name (used as the file of diagnostics) and YAML text.</summary>
/// <param name="Name">The source name, for example <c>embedded/rank-bands.yaml</c>; it is the file of every diagnostic.</param>
/// <param name="Yaml">The YAML text of one policy document.</param>
public sealed record PolicyYamlSource(string Name, string Yaml);
