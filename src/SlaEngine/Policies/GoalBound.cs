namespace SlaEngine.Policies;

/// <summary>Which side of a <see cref="Goal"/>'s target passes.</summary>
public enum GoalBound
{
    /// <summary>The actual value must be at least the target (<c>min</c>).</summary>
    Min,

    /// <summary>The actual value must be at most the target (<c>max</c>).</summary>
    Max,
}
