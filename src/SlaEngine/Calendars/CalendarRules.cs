using System.Globalization;
using NodaTime;
using SlaEngine.Diagnostics;

namespace SlaEngine.Calendars;

/// <summary>Validation rules for calendar definitions, shared by the YAML loader and <see cref="BusinessCalendarBuilder"/>.</summary>
internal static class CalendarRules
{
    /// <summary>Parses an interval, telling a syntax error (<see cref="DiagnosticCodes.InvalidInterval"/>) from start == end (<see cref="DiagnosticCodes.EmptyInterval"/>).</summary>
    internal static bool TryParseInterval(string text, out OpenInterval interval, out string code, out string message)
    {
        code = message = string.Empty;
        if (OpenInterval.TryParse(text, out interval))
        {
            return true;
        }

        var parts = text.Trim().Split('-');
        if (parts.Length == 2
            && OpenInterval.TryParseClock(parts[0].Trim(), false, out var oh, out var om)
            && OpenInterval.TryParseClock(parts[1].Trim(), true, out var ch, out var cm)
            && oh == ch && om == cm)
        {
            code = DiagnosticCodes.EmptyInterval;
            message = $"the interval '{text}' starts and ends at the same time; write 00:00-24:00 for a whole day";
            return false;
        }

        code = DiagnosticCodes.InvalidInterval;
        message = $"'{text}' is not an open interval like 09:00-17:00 (hours 00-23, the close may be 24:00, a close at or before the open runs past midnight)";
        return false;
    }

    /// <summary>Finds overlapping intervals within one day's list; yields the index of the later interval of each overlapping pair.</summary>
    internal static IEnumerable<(int Index, string Code, string Message)> CheckDay(IReadOnlyList<OpenInterval> intervals)
    {
        for (var i = 0; i < intervals.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var a = intervals[j];
                var b = intervals[i];
                if (a.OpenMinute < b.CloseMinute && b.OpenMinute < a.CloseMinute)
                {
                    yield return (i, DiagnosticCodes.OverlappingIntervals, $"the interval {b} overlaps {a} on the same day");
                    break;
                }
            }
        }
    }

    /// <summary>Whether any weekday has an open interval.</summary>
    internal static bool HasOpenTime(IEnumerable<IReadOnlyList<OpenInterval>> weeklyHours) => weeklyHours.Any(day => day.Count > 0);

    /// <summary>Parses a holiday rule such as <c>4th thu of nov</c> or <c>last mon of may</c>.</summary>
    internal static bool TryParseRule(string text, out int nth, out IsoDayOfWeek dayOfWeek, out int month, out string message)
    {
        nth = month = 0;
        dayOfWeek = IsoDayOfWeek.None;
        message = $"'{text}' is not a holiday rule like '4th thu of nov' or 'last mon of may' (1st..5th or last, a weekday, 'of', a month)";
        var parts = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4 || parts[2] != "of")
        {
            return false;
        }

        if (parts[0] == "last")
        {
            nth = -1;
        }
        else if (parts[0].Length >= 3
            && int.TryParse(parts[0].AsSpan(0, parts[0].Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out nth)
            && parts[0][^2..] == Suffix(nth))
        {
            if (nth is < 1 or > 5)
            {
                message = $"'{text}' can never occur: a month has at most five of each weekday (use 1st..5th or last)";
                return false;
            }
        }
        else
        {
            return false;
        }

        if (!TryParseWeekday(parts[1], out dayOfWeek))
        {
            return false;
        }

        month = Array.IndexOf(MonthNames, parts[3].Length > 3 ? parts[3][..3] : parts[3]) + 1;
        if (month == 0 || (parts[3].Length > 3 && !FullMonthNames[month - 1].Equals(parts[3], StringComparison.Ordinal)))
        {
            month = 0;
            return false;
        }

        return true;
    }

    /// <summary>Parses a weekday abbreviation (<c>mon</c>..<c>sun</c>; full names are accepted too).</summary>
    internal static bool TryParseWeekday(string text, out IsoDayOfWeek day)
    {
        var t = text.Trim().ToLowerInvariant();
        var index = Array.IndexOf(WeekdayNames, t.Length > 3 ? t[..3] : t);
        day = index < 0 ? IsoDayOfWeek.None : (IsoDayOfWeek)(index + 1);
        return index >= 0 && (t.Length == 3 || FullWeekdayNames[index] == t);
    }

    /// <summary>Parses a weekday key: <c>mon</c>, a range <c>mon-fri</c> (ranges may wrap: <c>fri-mon</c>), or a list <c>mon,wed</c> whose items may be ranges.</summary>
    internal static bool TryParseWeekdayKey(string text, out List<IsoDayOfWeek> days)
    {
        days = [];
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var range = item.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length == 1 && TryParseWeekday(range[0], out var single))
            {
                days.Add(single);
            }
            else if (range.Length == 2 && TryParseWeekday(range[0], out var from) && TryParseWeekday(range[1], out var to))
            {
                for (var d = (int)from; ; d = (d % 7) + 1)
                {
                    days.Add((IsoDayOfWeek)d);
                    if (d == (int)to)
                    {
                        break;
                    }
                }
            }
            else
            {
                days = [];
                return false;
            }
        }

        return days.Count > 0;
    }

    private static readonly string[] WeekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly string[] FullWeekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] FullMonthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static string Suffix(int n) => n switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
}
