using System.Collections.Immutable;

namespace SlaEngine.Diagnostics;

/// <summary>
/// Thrown when a policy (or calendar) definition has errors. Carries every diagnostic found, not just the first.
/// </summary>
public sealed class PolicyValidationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PolicyValidationException"/> class.</summary>
    /// <param name="diagnostics">All diagnostics (errors and warnings) found.</param>
    public PolicyValidationException(IEnumerable<Diagnostic> diagnostics)
        : this(diagnostics.ToImmutableArray())
    {
    }

    private PolicyValidationException(ImmutableArray<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Gets every diagnostic found, errors first in file order, then warnings.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    private static string BuildMessage(ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        return errors.Count == 0
            ? "The policy is invalid."
            : $"The policy has {errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors);
    }
}
