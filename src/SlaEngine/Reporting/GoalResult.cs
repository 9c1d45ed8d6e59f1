using SlaEngine.Policies;

namespace SlaEngine.Reporting;

/// <summary>A policy goal checked against a group's actual figure.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Name">The goal's name, for example <c>first_touch_attainment</c>.</param>
/// <param name="Bound">Whether the target is a minimum or a maximum.</param>
/// <param name="Target">The target as a number in <paramref name="Unit"/> (a percentage 0–100, a count, or seconds).</param>
/// <param name="TargetText">The target as written in the policy, for example <c>95%</c> or <c>2 business hours</c>.</param>
/// <param name="Actual">The actual value in <paramref name="Unit"/>, or null when it is not known (nothing decided, no sample).</param>
/// <param name="Unit"><c>percent</c>, <c>count</c> or <c>seconds</c>.</param>
/// <param name="Passed">Whether the actual value is on the right side of the target (inclusive); null when <paramref name="Actual"/> is null.</param>
public sealed record GoalResult(string Name, GoalBound Bound, double Target, string TargetText, double? Actual, string Unit, bool? Passed);
