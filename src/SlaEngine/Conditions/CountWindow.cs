using System.Globalization;
using NodaTime;

namespace SlaEngine.Conditions;

/// <summary>The window of <c>count(event_type, 30 days)</c>: elapsed time before the evaluation instant.</summary>
/// <param name="Amount">The number of units.</param>
/// <param name="Unit">The unit, plural: <c>minutes</c>, <c>hours</c>, <c>days</c> or <c>weeks</c>.</param>
internal readonly record struct CountWindow(int Amount, string Unit)
{
    /// <summary>Gets the window as elapsed time (a day is 24 hours).</summary>
    public Duration Duration => Unit switch
    {
        "minutes" => Duration.FromMinutes(Amount),
        "hours" => Duration.FromHours(Amount),
        "days" => Duration.FromDays(Amount),
        _ => Duration.FromDays(Amount * 7L),
    };

    /// <summary>Maps a unit as written (singular or plural) to its plural form.</summary>
    /// <param name="word">The word.</param>
    /// <param name="unit">The plural unit.</param>
    /// <returns>Whether the word is a unit.</returns>
    public static bool TryParseUnit(string word, out string unit)
    {
        unit = word switch
        {
            "minute" or "minutes" => "minutes",
            "hour" or "hours" => "hours",
            "day" or "days" => "days",
            "week" or "weeks" => "weeks",
            _ => string.Empty,
        };
        return unit.Length > 0;
    }

    /// <summary>Formats the window as written in a condition, e.g. <c>30 days</c> or <c>1 day</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Amount.ToString(CultureInfo.InvariantCulture) + " " + (Amount == 1 ? Unit[..^1] : Unit);
}
