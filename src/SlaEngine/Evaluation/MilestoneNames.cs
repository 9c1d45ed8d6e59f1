using System.Globalization;

namespace SlaEngine.Evaluation;

/// <summary>The milestone names of an evaluation and the <see cref="MilestoneKind"/> each one is.</summary>
internal static class MilestoneNames
{
    public const string FirstTouch = "first_touch";
    public const string Effort = "effort";
    public const string Disposition = "disposition";
    public const string CadenceStepPrefix = "cadence_step_";

    /// <summary>Gets the name of cadence step <paramref name="step"/> (1-based).</summary>
    public static string CadenceStep(int step) => CadenceStepPrefix + step.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the kind and, for a cadence step, its number from a milestone name.</summary>
    /// <exception cref="ArgumentException">The name is no milestone name (a programming error inside the library).</exception>
    public static (MilestoneKind Kind, int? Step) Parse(string name) => name switch
    {
        FirstTouch => (MilestoneKind.FirstTouch, null),
        Effort => (MilestoneKind.Effort, null),
        Disposition => (MilestoneKind.Disposition, null),
        _ when name.StartsWith(CadenceStepPrefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(CadenceStepPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            && step > 0 => (MilestoneKind.CadenceStep, step),
        _ => throw new ArgumentException($"'{name}' is not a milestone name", nameof(name)),
    };
}
