using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using YamlDotNet.RepresentationModel;

namespace SlaEngine.Tests.Calendars;

/// <summary>
/// The independent conformance suite (<c>TestData/conformance/calendar</c>): 25 calendars in <c>calendars.yaml</c>
/// and 2000 operations with their expected answers. The calendars section is read here with YamlDotNet's
/// representation model straight into <see cref="BusinessCalendarBuilder"/>, so the suite does not depend on the
/// policy loader.
/// </summary>
public sealed class CalendarConformanceTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "calendar");
    private static readonly InstantPattern Pattern = InstantPattern.ExtendedIso;
    private static readonly Lazy<IReadOnlyDictionary<string, BusinessCalendar>> Calendars = new(LoadCalendars);

    public static TheoryData<string> CalendarNames => [.. Calendars.Value.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CalendarNames))]
    public void Conformance_CalendarOps_MatchEveryExpectedAnswer(string name)
    {
        var calendar = Calendars.Value[name];
        var ops = File.ReadAllLines(Path.Combine(Directory, $"{name}.ops.jsonl"));
        var expected = File.ReadAllLines(Path.Combine(Directory, $"{name}.expected.jsonl"));
        Assert.Equal(ops.Length, expected.Length);

        var failures = new List<string>();
        for (var i = 0; i < ops.Length; i++)
        {
            var actual = Run(calendar, ops[i]);
            using var want = JsonDocument.Parse(expected[i]);
            var wanted = Canonical(want.RootElement);
            if (actual != wanted)
            {
                failures.Add($"{name}.ops.jsonl:{i + 1}: {ops[i]} expected {wanted} got {actual}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Conformance_Suite_HasTwoThousandOpsOverTwentyFiveCalendars()
    {
        Assert.Equal(25, Calendars.Value.Count);
        Assert.Equal(2000, Calendars.Value.Keys.Sum(n => File.ReadAllLines(Path.Combine(Directory, $"{n}.ops.jsonl")).Length));
    }

    private static string Run(BusinessCalendar calendar, string line)
    {
        using var doc = JsonDocument.Parse(line);
        var op = doc.RootElement;
        Instant At(string property) => Pattern.Parse(op.GetProperty(property).GetString()!).Value;

        return op.GetProperty("op").GetString() switch
        {
            "add" => Result(calendar.Add(At("from"), SlaDuration.Parse(op.GetProperty("duration").GetString()!))),
            "subtract" => Result(calendar.Subtract(At("from"), SlaDuration.Parse(op.GetProperty("duration").GetString()!))),
            "add_days" => Result(calendar.AddBusinessDays(At("from"), op.GetProperty("days").GetInt32())),
            "between" => string.Create(CultureInfo.InvariantCulture, $"seconds={calendar.Between(At("from"), At("to")).TotalSeconds}"),
            "is_open" => $"open={(calendar.IsOpen(At("at")) ? "true" : "false")}",
            "next_open" => Result(calendar.NextOpen(At("at"))),
            var other => throw new InvalidOperationException($"unknown op '{other}'"),
        };

        static string Result(Instant instant) => $"result={Pattern.Format(instant)}";
    }

    private static string Canonical(JsonElement expected)
    {
        var property = expected.EnumerateObject().Single();
        return property.Value.ValueKind switch
        {
            JsonValueKind.String => $"{property.Name}={property.Value.GetString()}",
            JsonValueKind.True => $"{property.Name}=true",
            JsonValueKind.False => $"{property.Name}=false",
            _ => $"{property.Name}={property.Value.GetRawText()}",
        };
    }

    private static Dictionary<string, BusinessCalendar> LoadCalendars()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Directory, "calendars.yaml")))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var (key, value) in (YamlMappingNode)root[new YamlScalarNode("calendars")])
        {
            var name = Scalar(key);
            calendars[name] = BuildCalendar(name, (YamlMappingNode)value);
        }

        return calendars;
    }

    private static BusinessCalendar BuildCalendar(string name, YamlMappingNode node)
    {
        var builder = new BusinessCalendarBuilder(name, DateTimeZoneProviders.Tzdb[Scalar(node[new YamlScalarNode("zone")])]);
        foreach (var (dayKey, intervals) in (YamlMappingNode)node[new YamlScalarNode("hours")])
        {
            Assert.True(CalendarRules.TryParseWeekdayKey(Scalar(dayKey), out var days), Scalar(dayKey));
            foreach (var day in days)
            {
                builder.WithHours(day, Intervals(intervals));
            }
        }

        if (node.Children.TryGetValue(new YamlScalarNode("holidays"), out var holidays))
        {
            foreach (var holiday in (YamlSequenceNode)holidays)
            {
                builder.WithHoliday(ParseHoliday(holiday));
            }
        }

        if (node.Children.TryGetValue(new YamlScalarNode("overrides"), out var overrides))
        {
            foreach (var (date, hours) in (YamlMappingNode)overrides)
            {
                var localDate = LocalDatePattern.Iso.Parse(Scalar(date)).Value;
                builder.WithOverride(localDate, hours is YamlScalarNode { Value: "closed" } ? [] : Intervals(hours));
            }
        }

        return builder.Build();
    }

    private static OpenInterval[] Intervals(YamlNode node) =>
        [.. ((YamlSequenceNode)node).Select(i => OpenInterval.Parse(Scalar(i)))];

    private static Holiday ParseHoliday(YamlNode node)
    {
        string? name = null;
        var observed = HolidayObservance.None;
        string? date;
        string? rule = null;
        if (node is YamlMappingNode map)
        {
            name = Optional(map, "name");
            date = Optional(map, "date");
            rule = Optional(map, "rule");
            observed = Optional(map, "observed") switch
            {
                null => HolidayObservance.None,
                "nearest_weekday" => HolidayObservance.NearestWeekday,
                "next_monday" => HolidayObservance.NextMonday,
                var other => throw new InvalidOperationException($"unknown observance '{other}'"),
            };
        }
        else
        {
            date = Scalar(node);
        }

        if (rule is not null)
        {
            Assert.True(CalendarRules.TryParseRule(rule, out var nth, out var day, out var month, out var message), message);
            return Holiday.NthWeekdayOfMonth(nth, day, month, name, observed);
        }

        if (date!.Length == 5)
        {
            var month = int.Parse(date[..2], CultureInfo.InvariantCulture);
            var dayOfMonth = int.Parse(date[3..], CultureInfo.InvariantCulture);
            return Holiday.Yearly(month, dayOfMonth, name, observed);
        }

        return Holiday.OnDate(LocalDatePattern.Iso.Parse(date).Value, name, observed);
    }

    private static string? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Scalar(value) : null;

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;
}
