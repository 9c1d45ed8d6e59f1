using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using SlaEngine.Loading;
using SlaEngine.Diagnostics;

namespace SlaEngine.Compilation;

/// <content>The <c>calendars</c> section, compiled through <see cref="BusinessCalendarBuilder"/>.</content>
internal sealed partial class PolicyCompiler
{
    private static readonly string[] CalendarKeys = ["zone", "hours", "holidays", "overrides"];
    private static readonly string[] HolidayKeys = ["name", "date", "rule", "observed"];
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] ObservanceNames = ["nearest_weekday", "next_monday", "none"];
    private static readonly string[] OrdinalNames = ["1st", "2nd", "3rd", "4th", "5th", "last"];
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM-dd");

    [GeneratedRegex(@"^(\d{2})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\S+)\s+(\S+)\s+of\s+(\S+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RulePattern();

    [GeneratedRegex(@"^(\d+)(st|nd|rd|th)$", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalPattern();

    private static IsoDayOfWeek DayOf(int index) => (IsoDayOfWeek)(index + 1);

    private static int? DayIndex(string text)
    {
        var lowered = text.ToLowerInvariant();
        var index = Array.IndexOf(DayNames, lowered);
        if (index < 0 && lowered.Length > 3)
        {
            // Full names (`monday`) are accepted as written in English.
            index = Array.FindIndex(DayNames, d => string.Equals(CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)(((Array.IndexOf(DayNames, d) + 1) % 7))).ToLowerInvariant(), lowered, StringComparison.Ordinal));
        }

        return index < 0 ? null : index;
    }

    private static int? MonthIndex(string text)
    {
        var lowered = text.ToLowerInvariant();
        var index = Array.IndexOf(MonthNames, lowered);
        if (index < 0 && lowered.Length > 3)
        {
            index = Array.FindIndex(MonthNames, m => string.Equals(CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Array.IndexOf(MonthNames, m) + 1).ToLowerInvariant(), lowered, StringComparison.Ordinal));
        }

        return index < 0 ? null : index + 1;
    }

    private void CompileCalendars(YamlNode node)
    {
        if (AsMapping(node, "`calendars`") is not { } map)
        {
            return;
        }

        foreach (var (key, value) in map.Entries)
        {
            if (string.IsNullOrWhiteSpace(key.Value))
            {
                _diagnostics.Error(DiagnosticCodes.InvalidCalendarName, key.Line, key.Column, "a calendar name must not be empty");
                continue;
            }

            _calendarNames.Add(key.Value);
            var calendar = CompileCalendar(key, value);
            if (calendar is not null)
            {
                _calendars.Add(Located(calendar, key));
            }
        }
    }

    private BusinessCalendar? CompileCalendar(YamlScalar key, YamlNode node)
    {
        var name = key.Value;
        var where = Msg($"calendar `{name}`");
        if (AsMapping(node, where) is not { } map)
        {
            return null;
        }

        var errorsBefore = _diagnostics.Items.Count(d => d.IsError);
        CheckKeys(map, where, CalendarKeys);

        DateTimeZone? zone = null;
        if (Require(map, "zone", where) is { } zoneNode && ReadString(zoneNode, "`zone`") is { } zoneId)
        {
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
            if (zone is null)
            {
                var exact = DateTimeZoneProviders.Tzdb.Ids.FirstOrDefault(id => string.Equals(id, zoneId, StringComparison.OrdinalIgnoreCase));
                var hint = exact is not null ? "; did you mean `" + exact + "`?" : DidYouMean.Hint(zoneId, DateTimeZoneProviders.Tzdb.Ids);
                _diagnostics.Error(DiagnosticCodes.UnknownZone, zoneNode.Line, zoneNode.Column, Msg($"`{Truncate(zoneId)}` is not an IANA time zone id known to the tzdb (for example `America/New_York`){hint}"));
            }
        }

        var builder = new BusinessCalendarBuilder(name, zone ?? DateTimeZone.Utc);
        var hasOpenTime = false;
        var hoursErrors = false;
        if (map.Get("hours") is { } hoursNode && !(hoursNode is YamlScalar { IsNull: true }))
        {
            var before = ErrorCount();
            hasOpenTime = CompileHours(hoursNode, builder);
            hoursErrors = ErrorCount() > before;
        }

        if (map.Get("holidays") is { } holidaysNode && !(holidaysNode is YamlScalar { IsNull: true }))
        {
            CompileHolidays(holidaysNode, builder);
        }

        if (map.Get("overrides") is { } overridesNode && !(overridesNode is YamlScalar { IsNull: true }))
        {
            CompileOverrides(overridesNode, builder);
        }

        if (!hasOpenTime && !hoursErrors)
        {
            YamlNode at = map.GetKey("hours") ?? (YamlNode)key;
            _diagnostics.Error(DiagnosticCodes.NoOpenTime, at.Line, at.Column, Msg($"calendar `{name}` has no open time in any week; give `hours` for at least one weekday"));
        }

        if (ErrorCount() > errorsBefore || zone is null)
        {
            return null;
        }

        try
        {
            return builder.Build();
        }
        catch (PolicyValidationException ex)
        {
            foreach (var diagnostic in ex.Diagnostics)
            {
                _diagnostics.Items.Add(diagnostic with { File = _diagnostics.File, Line = key.Line, Column = key.Column, Message = Msg($"calendar `{name}`: {diagnostic.Message}") });
            }
        }
        catch (ArgumentException ex)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidCalendar, key.Line, key.Column, Msg($"calendar `{name}`: {ex.Message}"));
        }

        return null;
    }

    private int ErrorCount() => _diagnostics.Items.Count(d => d.IsError);

    private bool CompileHours(YamlNode node, BusinessCalendarBuilder builder)
    {
        if (AsMapping(node, "`hours`") is not { } map)
        {
            return false;
        }

        var given = new YamlScalar?[7];
        var open = false;
        foreach (var (key, value) in map.Entries)
        {
            var days = ParseWeekdayKey(key);
            var intervals = ReadIntervals(value, "the hours of `" + key.Value + "`", allowClosed: true);
            if (days is null)
            {
                continue;
            }

            foreach (var day in days)
            {
                if (given[day] is { } previous)
                {
                    _diagnostics.Error(DiagnosticCodes.DuplicateWeekday, key.Line, key.Column, Msg($"`{DayNames[day]}` is given hours twice: already by `{previous.Value}` on line {previous.Line}"));
                    continue;
                }

                given[day] = key;
                if (intervals is not null)
                {
                    builder.WithHours(DayOf(day), [.. intervals]);
                    open |= intervals.Length > 0;
                }
            }
        }

        return open;
    }

    private List<int>? ParseWeekdayKey(YamlScalar key)
    {
        var days = new List<int>();
        foreach (var rawPart in key.Value.Split(','))
        {
            var part = rawPart.Trim();
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                var from = DayIndex(part[..dash].Trim());
                var to = DayIndex(part[(dash + 1)..].Trim());
                if (from is null || to is null)
                {
                    var bad = from is null ? part[..dash].Trim() : part[(dash + 1)..].Trim();
                    ReportWeekday(key, bad);
                    return null;
                }

                // Ranges wrap around the week: `fri-mon` is fri, sat, sun, mon.
                for (var d = from.Value; ; d = (d + 1) % 7)
                {
                    AddDay(d);
                    if (d == to.Value)
                    {
                        break;
                    }
                }
            }
            else if (DayIndex(part) is { } single)
            {
                AddDay(single);
            }
            else
            {
                ReportWeekday(key, part);
                return null;
            }
        }

        return days;

        void AddDay(int day)
        {
            if (days.Contains(day))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateWeekday, key.Line, key.Column, Msg($"`{DayNames[day]}` appears twice in `{key.Value}`"));
            }
            else
            {
                days.Add(day);
            }
        }
    }

    private void ReportWeekday(YamlScalar key, string bad)
    {
        var hint = bad.Length > 3 && DayIndex(bad[..3]) is { } prefix ? "; did you mean `" + DayNames[prefix] + "`?" : DidYouMean.Hint(bad, DayNames);
        _diagnostics.Error(DiagnosticCodes.InvalidWeekday, key.Line, key.Column, Msg($"`{Truncate(bad)}` in `{Truncate(key.Value)}` is not a weekday (use mon..sun, ranges like mon-fri, lists like \"mon,wed\"){hint}"));
    }

    private OpenInterval[]? ReadIntervals(YamlNode node, string what, bool allowClosed)
    {
        if (node is YamlScalar { IsPlain: true, Value: "closed" } && allowClosed)
        {
            return [];
        }

        if (node is not YamlSequence sequence)
        {
            _diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Line, node.Column, Msg($"{what} must be a list of intervals such as [09:00-17:00], or `closed`, not {Describe(node)}"));
            return null;
        }

        var intervals = new List<OpenInterval>();
        var nodes = new List<YamlNode>();
        var ok = true;
        foreach (var item in sequence.Items)
        {
            if (item is not YamlScalar { IsNull: false } scalar)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidInterval, item.Line, item.Column, Msg($"{Describe(item)} is not an interval `HH:MM-HH:MM` (for example `09:00-17:00`; `24:00` may end a day)"));
                ok = false;
            }
            else if (CalendarRules.TryParseInterval(scalar.Value.Trim(), out var interval, out var code, out var message))
            {
                intervals.Add(interval);
                nodes.Add(item);
            }
            else
            {
                _diagnostics.Error(code, item.Line, item.Column, message);
                ok = false;
            }
        }

        var dayOk = true;
        foreach (var (index, code, message) in CalendarRules.CheckDay(intervals))
        {
            var at = nodes[Math.Clamp(index, 0, nodes.Count - 1)];
            _diagnostics.Error(code, at.Line, at.Column, message);
            dayOk = false;
        }

        return ok && dayOk ? intervals.ToArray() : null;
    }

    private void CompileHolidays(YamlNode node, BusinessCalendarBuilder builder)
    {
        if (AsSequence(node, "`holidays`") is not { } sequence)
        {
            return;
        }

        foreach (var item in sequence.Items)
        {
            if (CompileHoliday(item) is { } holiday)
            {
                builder.WithHoliday(Located(holiday, item));
            }
        }
    }

    private Holiday? CompileHoliday(YamlNode node)
    {
        if (node is YamlScalar scalar)
        {
            return ReadHolidayDate(scalar, null, HolidayObservance.None);
        }

        if (AsMapping(node, "a holiday") is not { } map)
        {
            return null;
        }

        CheckKeys(map, "a holiday", HolidayKeys);
        string? name = null;
        if (map.Get("name") is { } nameNode)
        {
            name = ReadString(nameNode, "a holiday's `name`");
        }

        var observed = HolidayObservance.None;
        if (map.Get("observed") is { } observedNode)
        {
            var text = observedNode is YamlScalar { IsNull: false } o ? o.Value.Trim() : string.Empty;
            switch (text)
            {
                case "nearest_weekday":
                    observed = HolidayObservance.NearestWeekday;
                    break;
                case "next_monday":
                    observed = HolidayObservance.NextMonday;
                    break;
                case "none":
                    break;
                default:
                    _diagnostics.Error(DiagnosticCodes.InvalidHoliday, observedNode.Line, observedNode.Column, Msg($"`observed` must be `nearest_weekday` or `next_monday`, not {Describe(observedNode)}{DidYouMean.Hint(text, ObservanceNames)}"));
                    return null;
            }
        }

        var dateNode = map.Get("date");
        var ruleNode = map.Get("rule");
        if (dateNode is not null && ruleNode is not null)
        {
            var ruleKey = map.GetKey("rule")!;
            _diagnostics.Error(DiagnosticCodes.ConflictingKeys, ruleKey.Line, ruleKey.Column, "a holiday has either `date` or `rule`, not both");
            return null;
        }

        if (dateNode is not null)
        {
            if (dateNode is not YamlScalar dateScalar)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidHoliday, dateNode.Line, dateNode.Column, Msg($"a holiday `date` must be `yyyy-MM-dd` or `MM-dd`, not {dateNode.KindName}"));
                return null;
            }

            return ReadHolidayDate(dateScalar, name, observed);
        }

        if (ruleNode is not null)
        {
            return ReadHolidayRule(ruleNode, name, observed);
        }

        _diagnostics.Error(DiagnosticCodes.MissingOneOf, map.Line, map.Column, "a holiday needs a `date` (2026-12-25 or 12-25) or a `rule` (4th thu of nov)");
        return null;
    }

    private Holiday? ReadHolidayDate(YamlScalar scalar, string? name, HolidayObservance observed)
    {
        var text = scalar.Value.Trim();
        if (DatePattern().IsMatch(text))
        {
            var parsed = IsoDate.Parse(text);
            if (parsed.Success)
            {
                return Holiday.OnDate(parsed.Value, name, observed);
            }
        }
        else if (MonthDayPattern().Match(text) is { Success: true } monthDay)
        {
            var month = int.Parse(monthDay.Groups[1].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(monthDay.Groups[2].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(2024, month))
            {
                return Holiday.Yearly(month, day, name, observed);
            }
        }

        _diagnostics.Error(DiagnosticCodes.InvalidHoliday, scalar.Line, scalar.Column, Msg($"{Describe(scalar)} is not a holiday date: use `yyyy-MM-dd` for one date or `MM-dd` for every year (the date must exist)"));
        return null;
    }

    private Holiday? ReadHolidayRule(YamlNode node, string? name, HolidayObservance observed)
    {
        var text = node is YamlScalar { IsNull: false } scalar ? scalar.Value.Trim() : string.Empty;
        var match = RulePattern().Match(text);
        if (!match.Success)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidHoliday, node.Line, node.Column, Msg($"{Describe(node)} is not a holiday rule: use `NTH DAY of MONTH` such as `4th thu of nov` or `last mon of may`"));
            return null;
        }

        var ordinalText = match.Groups[1].Value.ToLowerInvariant();
        int nth;
        if (ordinalText == "last")
        {
            nth = -1;
        }
        else if (OrdinalPattern().Match(ordinalText) is { Success: true } ordinal
            && int.TryParse(ordinal.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out nth))
        {
            if (nth is < 1 or > 5)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidHoliday, node.Line, node.Column, Msg($"the holiday rule `{Truncate(text)}` can never occur: a month has at most five of each weekday (use 1st..5th or last)"));
                return null;
            }
        }
        else
        {
            _diagnostics.Error(DiagnosticCodes.InvalidHoliday, node.Line, node.Column, Msg($"`{Truncate(ordinalText)}` in the holiday rule `{Truncate(text)}` is not 1st..5th or last{DidYouMean.Hint(ordinalText, OrdinalNames)}"));
            return null;
        }

        var dayText = match.Groups[2].Value;
        if (DayIndex(dayText) is not { } day)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidHoliday, node.Line, node.Column, Msg($"`{Truncate(dayText)}` in the holiday rule `{Truncate(text)}` is not a weekday (mon..sun){DidYouMean.Hint(dayText, DayNames)}"));
            return null;
        }

        var monthText = match.Groups[3].Value;
        if (MonthIndex(monthText) is not { } month)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidHoliday, node.Line, node.Column, Msg($"`{Truncate(monthText)}` in the holiday rule `{Truncate(text)}` is not a month (jan..dec){DidYouMean.Hint(monthText, MonthNames)}"));
            return null;
        }

        return Holiday.NthWeekdayOfMonth(nth, DayOf(day), month, name, observed);
    }

    private void CompileOverrides(YamlNode node, BusinessCalendarBuilder builder)
    {
        if (AsMapping(node, "`overrides`") is not { } map)
        {
            return;
        }

        foreach (var (key, value) in map.Entries)
        {
            var text = key.Value.Trim();
            var parsed = DatePattern().IsMatch(text) ? IsoDate.Parse(text) : null;
            var intervals = ReadIntervals(value, "the override of `" + key.Value + "`", allowClosed: true);
            if (parsed is not { Success: true })
            {
                _diagnostics.Error(DiagnosticCodes.InvalidOverride, key.Line, key.Column, Msg($"the override key `{Truncate(text)}` is not a date `yyyy-MM-dd`"));
                continue;
            }

            if (intervals is not null)
            {
                builder.WithOverride(parsed.Value, [.. intervals]);
            }
        }
    }
}
