using SlaEngine.Policies;

namespace SlaEngine.Reporting;

/// <summary>A policy goal checked against a group's actual figure.</summary>
/// <remarks>Immutable.</remarks>
public sealed record GoalResult
{
    internal GoalResult(string name, GoalBound bound, double target, string targetText, double? actual, string unit, bool? passed)
    {
        Name = name;
        Bound = bound;
        Target = target;
        TargetText = targetText;
        Actual = actual;
        Unit = unit;
        Passed = passed;
    }

    /// <summary>Gets the goal's name, for example <c>first_touch_attainment</c>.</summary>
    public string Name { get; init; }

    /// <summary>Whether the target is a minimum or a maximum.</summary>
    public GoalBound Bound { get; init; }

    /// <summary>Gets the target as a number in <see cref="Unit"/> (a percentage 0–100, a count, or seconds).</summary>
    public double Target { get; init; }

    /// <summary>Gets the target as written in the policy, for example <c>95%</c> or <c>2 business hours</c>.</summary>
    public string TargetText { get; init; }

    /// <summary>Gets the actual value in <see cref="Unit"/>, or null when it is not known (nothing decided, no sample).</summary>
    public double? Actual { get; init; }

    /// <summary><c>percent</c>, <c>count</c> or <c>seconds</c>.</summary>
    public string Unit { get; init; }

    /// <summary>Whether the actual value is on the right side of the target (inclusive); null when <see cref="Actual"/> is null.</summary>
    public bool? Passed { get; init; }
}
