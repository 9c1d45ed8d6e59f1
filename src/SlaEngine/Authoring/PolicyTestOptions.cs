namespace SlaEngine.Authoring;

/// <summary>Options for <see cref="PolicyTests"/>: where the policy a tests file names comes from.</summary>
public sealed record PolicyTestOptions
{
    /// <summary>Gets the default options: the policy is a file, relative to the tests file's folder. Immutable: derive others with <c>with</c> or an object initializer.</summary>
    public static PolicyTestOptions Default { get; } = new();

    /// <summary>
    /// Gets the folder that a relative <c>policy:</c> path is resolved against. Default: the folder of the tests
    /// file's source name, or the current folder when the name has none.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Gets a function that loads the policy a tests file names, given the <c>policy:</c> value resolved against
    /// <see cref="BaseDirectory"/>; for hosts that keep policies elsewhere than in files. Default:
    /// <see cref="PolicyLoader.TryLoadFile"/>.
    /// </summary>
    public Func<string, PolicyLoadResult>? PolicyResolver { get; init; }
}
