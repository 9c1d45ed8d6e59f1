// THROWAWAY STUB: delete before merging main (the real types land there).
#pragma warning disable CS1591, SA1402, SA1649
using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Validation;

namespace SlaEngine.Calendars;

public readonly record struct OpenInterval(LocalTime Open, LocalTime Close, bool ClosesAtEndOfDay)
{
    public bool IsOvernight => !ClosesAtEndOfDay && Close <= Open;

    public static OpenInterval Parse(string text) => TryParse(text, out var v) ? v : throw new FormatException(text);

    public static bool TryParse(string text, out OpenInterval value)
    {
        value = default;
        var parts = text.Split('-');
        if (parts.Length != 2)
        {
            return false;
        }

        var o = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(parts[0].Trim());
        if (!o.Success)
        {
            return false;
        }

        if (parts[1].Trim() == "24:00")
        {
            value = new OpenInterval(o.Value, LocalTime.Midnight, true);
            return true;
        }

        var c = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(parts[1].Trim());
        if (!c.Success)
        {
            return false;
        }

        value = new OpenInterval(o.Value, c.Value, false);
        return true;
    }
}

public enum HolidayObservance
{
    None,
    NearestWeekday,
    NextMonday,
}

public sealed record Holiday
{
    private Holiday()
    {
    }

    public static Holiday OnDate(LocalDate date, string? name = null, HolidayObservance observed = HolidayObservance.None) => new();

    public static Holiday Yearly(int month, int day, string? name = null, HolidayObservance observed = HolidayObservance.None) => new();

    public static Holiday NthWeekdayOfMonth(int nth, IsoDayOfWeek day, int month, string? name = null, HolidayObservance observed = HolidayObservance.None) => new();
}

public readonly record struct SlaDuration(int Amount, string Unit, bool IsBusiness)
{
    public static SlaDuration Parse(string text) => TryParse(text, out var v) ? v : throw new FormatException(text);

    public static bool TryParse(string text, out SlaDuration value)
    {
        value = default;
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3 || !int.TryParse(parts[0], out var n) || n < 0)
        {
            return false;
        }

        var business = parts.Length == 3;
        if (business && parts[1] != "business")
        {
            return false;
        }

        var unit = parts[^1].TrimEnd('s');
        if (unit is not ("minute" or "hour" or "day" or "week"))
        {
            return false;
        }

        value = new SlaDuration(n, unit, business);
        return true;
    }

    public override string ToString() => $"{Amount} {(IsBusiness ? "business " : string.Empty)}{Unit}s";
}

public sealed class BusinessCalendar
{
    internal BusinessCalendar(string name, DateTimeZone zone)
    {
        Name = name;
        Zone = zone;
    }

    public string Name { get; }

    public DateTimeZone Zone { get; }
}

public sealed class BusinessCalendarBuilder(string name, DateTimeZone zone)
{
    public BusinessCalendarBuilder WithHours(IsoDayOfWeek day, params OpenInterval[] intervals) => this;

    public BusinessCalendarBuilder WithHoliday(Holiday holiday) => this;

    public BusinessCalendarBuilder WithOverride(LocalDate date, params OpenInterval[] intervals) => this;

    public BusinessCalendar Build() => new(name, zone);
}

internal static class CalendarRules
{
    public static IEnumerable<(int Index, string Code, string Message)> CheckDay(IReadOnlyList<OpenInterval> intervals)
    {
        for (var i = 0; i < intervals.Count; i++)
        {
            if (!intervals[i].ClosesAtEndOfDay && intervals[i].Open == intervals[i].Close)
            {
                yield return (i, "SLA0201", "interval start equals end");
            }
        }
    }
}
