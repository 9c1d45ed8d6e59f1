using System.Globalization;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A duration of the policy language: <c>N unit</c>, optionally <c>business</c>, for example
/// <c>4 business hours</c>, <c>8 business days</c>, <c>24 hours</c> or <c>7 days</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>business minutes|hours</c> count open calendar time (<see cref="BusinessCalendar.Add(Instant, Duration)"/>).</item>
/// <item><c>business days</c> count business dates (<see cref="BusinessCalendar.AddBusinessDays"/>); <c>business weeks</c> are five business days each.</item>
/// <item>plain <c>minutes|hours</c> are elapsed time.</item>
/// <item>plain <c>days|weeks</c> are calendar days at the same local time in the calendar's zone.</item>
/// </list>
/// </remarks>
public readonly record struct SlaDuration
{
    /// <summary>Initializes a new instance of the <see cref="SlaDuration"/> struct.</summary>
    /// <param name="amount">The non-negative amount.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="isBusiness">Whether the duration counts business time.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or too large.</exception>
    public SlaDuration(int amount, SlaDurationUnit unit, bool isBusiness)
    {
        if (amount < 0 || amount > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"The amount must be between 0 and {MaxAmount}.");
        }

        Amount = amount;
        Unit = unit;
        IsBusiness = isBusiness;
    }

    /// <summary>The largest amount accepted (about 100 years of minutes).</summary>
    public const int MaxAmount = 60_000_000;

    /// <summary>Gets the amount.</summary>
    public int Amount { get; }

    /// <summary>Gets the unit.</summary>
    public SlaDurationUnit Unit { get; }

    /// <summary>Gets a value indicating whether this duration counts business time.</summary>
    public bool IsBusiness { get; }

    /// <summary>Gets a value indicating whether this duration counts business dates (<c>business days|weeks</c>).</summary>
    public bool IsBusinessDays => IsBusiness && Unit is SlaDurationUnit.Days or SlaDurationUnit.Weeks;

    /// <summary>Gets a value indicating whether this duration is a fixed amount of time (business or elapsed minutes/hours).</summary>
    public bool IsFixedLength => Unit is SlaDurationUnit.Minutes or SlaDurationUnit.Hours;

    /// <summary>Gets the number of business dates of a <c>business days|weeks</c> duration.</summary>
    public int BusinessDays => Unit == SlaDurationUnit.Weeks ? Amount * 5 : Amount;

    /// <summary>Gets the fixed length of a minutes/hours duration (business or elapsed).</summary>
    /// <exception cref="InvalidOperationException">The unit is days or weeks.</exception>
    public Duration FixedLength => Unit switch
    {
        SlaDurationUnit.Minutes => Duration.FromMinutes(Amount),
        SlaDurationUnit.Hours => Duration.FromHours(Amount),
        _ => throw new InvalidOperationException("Days and weeks have no fixed length; use a calendar."),
    };

    /// <summary>Gets the number of calendar days of a plain <c>days|weeks</c> duration.</summary>
    public int CalendarDays => Unit == SlaDurationUnit.Weeks ? Amount * 7 : Amount;

    /// <summary>Creates <c>N business minutes</c>.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The duration.</returns>
    public static SlaDuration BusinessMinutes(int amount) => new(amount, SlaDurationUnit.Minutes, true);

    /// <summary>Creates <c>N business hours</c>.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The duration.</returns>
    public static SlaDuration BusinessHours(int amount) => new(amount, SlaDurationUnit.Hours, true);

    /// <summary>Creates <c>N business days</c>.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The duration.</returns>
    public static SlaDuration BusinessDaysOf(int amount) => new(amount, SlaDurationUnit.Days, true);

    /// <summary>Creates <c>N hours</c> of elapsed time.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The duration.</returns>
    public static SlaDuration Hours(int amount) => new(amount, SlaDurationUnit.Hours, false);

    /// <summary>Creates <c>N days</c> (calendar days at the same local time).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The duration.</returns>
    public static SlaDuration Days(int amount) => new(amount, SlaDurationUnit.Days, false);

    /// <summary>Parses a duration such as <c>4 business hours</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException">The text is not a duration.</exception>
    public static SlaDuration Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a duration like '4 business hours', '8 business days', '24 hours' or '7 days'.");

    /// <summary>Tries to parse a duration: <c>N [business] minute(s)|hour(s)|day(s)|week(s)</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The duration, when valid.</param>
    /// <returns>Whether the text is a valid duration.</returns>
    public static bool TryParse(string? text, out SlaDuration value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // Digits only: int.TryParse would also take trailing NUL characters ("1\0 day").
        if (parts.Length is < 2 or > 3
            || !parts[0].All(char.IsAsciiDigit)
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount > MaxAmount)
        {
            return false;
        }

        var business = parts.Length == 3;
        if (business && !parts[1].Equals("business", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!TryParseUnit(parts[^1], out var unit))
        {
            return false;
        }

        value = new SlaDuration(amount, unit, business);
        return true;
    }

    /// <summary>Tries to parse a unit word (singular or plural).</summary>
    /// <param name="word">The word.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>Whether the word is a unit.</returns>
    internal static bool TryParseUnit(string word, out SlaDurationUnit unit)
    {
        switch (word.ToLowerInvariant())
        {
            case "minute" or "minutes":
                unit = SlaDurationUnit.Minutes;
                return true;
            case "hour" or "hours":
                unit = SlaDurationUnit.Hours;
                return true;
            case "day" or "days":
                unit = SlaDurationUnit.Days;
                return true;
            case "week" or "weeks":
                unit = SlaDurationUnit.Weeks;
                return true;
            default:
                unit = default;
                return false;
        }
    }

    /// <summary>Formats the duration in policy syntax, for example <c>4 business hours</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var word = Unit switch
        {
            SlaDurationUnit.Minutes => "minute",
            SlaDurationUnit.Hours => "hour",
            SlaDurationUnit.Days => "day",
            _ => "week",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Amount} {(IsBusiness ? "business " : string.Empty)}{word}{(Amount == 1 ? string.Empty : "s")}");
    }
}
