using System.Diagnostics.CodeAnalysis;
using SlaEngine.Fuzz.Targets;

namespace SlaEngine.Fuzz;

/// <summary>One fuzz target: reads the input and throws <see cref="ContractViolation"/> (or lets an unexpected exception escape) when SlaEngine breaks its contract.</summary>
/// <param name="input">The raw input bytes.</param>
public delegate void FuzzTarget(ReadOnlySpan<byte> input);

/// <summary>The fuzz targets by name: one per parser that reads text from outside.</summary>
public static class FuzzTargets
{
    private static readonly Dictionary<string, FuzzTarget> Targets = new(StringComparer.Ordinal)
    {
        ["policy"] = PolicyTarget.Run,
        ["condition"] = ConditionTarget.Run,
        ["duration"] = DurationTarget.Run,
        ["instant"] = InstantTarget.Run,
        ["lead"] = LeadTarget.Run,
        ["tests"] = PolicyTestsTarget.Run,
        ["calendar-op"] = CalendarOpTarget.Run,
    };

    /// <summary>Gets the target names, in a fixed order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Targets.Keys];

    /// <summary>Gets a target by name.</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out FuzzTarget target) => Targets.TryGetValue(name, out target);

    /// <summary>Gets a target by name.</summary>
    public static FuzzTarget Get(string name) => Targets[name];

    /// <summary>Builds the shared inputs (sample policies, calendars, leads) so that the first run is not slower.</summary>
    public static void Warm() => _ = FuzzInputs.Policies.Count + FuzzInputs.Calendars.Count + FuzzInputs.Leads.Count + FuzzInputs.DocumentedCodes.Count;

    /// <summary>Runs one input in-process; returns null when the contract held, else what went wrong.</summary>
    public static string? Replay(FuzzTarget target, byte[] input)
    {
        try
        {
            target(input);
            return null;
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }
}
