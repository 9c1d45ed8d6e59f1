namespace SlaEngine.Policies;

/// <summary>The part of a compiled policy that says what moves with time alone.</summary>
public sealed partial class SlaPolicy
{
    private TimeDependence? _timeDependence;

    /// <summary>Gets what makes decisions of this policy move with time alone (computed once, on first use; a race computes the same value twice).</summary>
    internal TimeDependence TimeDependence => _timeDependence ??= TimeDependence.Analyze(this);
}
