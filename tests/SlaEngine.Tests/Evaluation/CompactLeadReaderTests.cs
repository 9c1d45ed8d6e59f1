using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Evaluation;

/// <summary>
/// The reader's fast path for compact lines reads exactly what the full pass reads, and leaves every other line (and
/// every error) to it: compared over generated lead lines — compact and not, with odd numbers, escapes, nulls,
/// duplicates, unknown keys, whitespace — and over the same lines with bytes changed, added or removed.
/// </summary>
public sealed class CompactLeadReaderTests
{
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_PROPERTY_RUNS"), out var n) ? n : 3000;

    private static readonly Gen<string> CleanInstants = Gen.Elements("\"2026-11-20T15:30:00Z\"", "\"2024-02-29T23:59:59Z\"", "\"1999-12-31T00:00:01Z\"");

    private static readonly Gen<string> Instants = Gen.Elements(
        "\"2026-11-20T15:30:00Z\"", "\"2026-02-29T10:00:00Z\"", "\"2024-02-29T23:59:59Z\"", "\"2026-11-20T10:30:00-05:00\"",
        "\"2026-11-20T15:30:00.5Z\"", "\"0001-01-01T00:00:00Z\"", "\"2026-13-01T00:00:00Z\"", "\"not a time\"", "null", "7");

    private static readonly Gen<string> CleanTexts = Gen.Elements("\"call\"", "\"email\"", "\"VP Marketing\"", "\"\"", "\"caf\u00e9\"", "\"" + new string('y', 60) + "\"");

    private static readonly Gen<string> Texts = Gen.Elements(
        "\"call\"", "\"email\"", "\"VP Marketing\"", "\"\"", "\"caf\u00e9\"", "\"a\\\"b\"", "\"\\u00e9t\\u00e9\"", "\"\\ud800\"",
        "\"tab\there\"", "null", "12", "true", "[\"x\"]", "{}", "\"" + new string('x', 60) + "\"");

    private static readonly Gen<string> CleanValues = Gen.Elements("0", "-0", "12", "-7", "1.5", "91.25", "1e3", "1E+2", "-2.5e-3", "0.1e-2", "12345678901234567890", "true", "false", "null", "\"now\"", "\"\"");

    private static readonly Gen<string> Values = Gen.Elements(
        "0", "-0", "12", "250", "-7", "1.5", "91.25", "1e3", "1E+2", "-2.5e-3", "01", "1.", ".5", "-", "1e400", "12345678901234567890",
        "true", "false", "null", "tru", "\"now\"", "\"1-6 months\"", "\"a\\nb\"", "[1,2]", "[]", "{\"a\":1}", "\"\"");

    private static readonly Gen<string> AttributeNames = Gen.Elements("rank", "employees", "title", "country", "pain", "rank", "\\u0072ank", "", "r\u00e9gion");

    private static Gen<string> Attributes(bool clean) =>
        from count in Gen.Choose(0, 6)
        from names in Gen.ArrayOf(clean ? Gen.Elements("rank", "employees", "title", "country", "pain", "a", "b", "c") : AttributeNames, count)
        from values in Gen.ArrayOf(clean ? CleanValues : Values, count)
        select "{" + string.Join(",", names.Select((name, i) => $"\"{name}\":{values[i]}")) + "}";

    private static Gen<string> Events(bool clean) =>
        from count in Gen.Choose(0, 3)
        from items in Gen.ArrayOf(
            from type in Gen.OneOf(Gen.Elements("\"whitepaper_download\"", "\"webinar_attended\""), clean ? CleanTexts : Texts)
            from at in clean ? CleanInstants : Instants
            from shape in clean ? Gen.Elements(0, 4) : Gen.Choose(0, 6)
            select shape switch
            {
                0 => $"{{\"at\":{at},\"type\":{type}}}",
                1 => $"{{\"type\":{type}}}",
                2 => $"{{\"type\":{type},\"at\":{at},\"extra\":1}}",
                3 => $"{{\"type\":{type},\"type\":{type},\"at\":{at}}}",
                _ => $"{{\"type\":{type},\"at\":{at}}}",
            },
            count)
        select "[" + string.Join(",", items) + "]";

    private static Gen<string> Touches(bool clean) =>
        from count in Gen.Choose(0, 3)
        from items in Gen.ArrayOf(
            from channel in Gen.OneOf(Gen.Elements("\"call\"", "\"email\""), clean ? CleanTexts : Texts)
            from at in clean ? CleanInstants : Instants
            from outcome in Gen.OneOf(Gen.Elements("\"no_answer\"", "\"sent\"", "null"), clean ? CleanTexts : Texts)
            from shape in clean ? Gen.Elements(0, 1, 4) : Gen.Choose(0, 6)
            select shape switch
            {
                0 => $"{{\"channel\":{channel},\"at\":{at}}}",
                1 => $"{{\"outcome\":{outcome},\"at\":{at},\"channel\":{channel}}}",
                2 => $"{{\"channel\":{channel},\"at\":{at},\"outcome\":{outcome},\"outcome\":{outcome}}}",
                3 => $"{{\"channel\":{channel},\"outcome\":{outcome}}}",
                _ => $"{{\"channel\":{channel},\"at\":{at},\"outcome\":{outcome}}}",
            },
            count)
        select "[" + string.Join(",", items) + "]";

    private static readonly Gen<string> Assigned = Gen.Elements(
        "{\"tier\":\"gold\",\"team\":\"emea\"}", "{\"team\":\"smb\"}", "{}", "{\"tier\":null,\"team\":null}", "{\"tier\":\"gold\",\"tier\":\"silver\"}",
        "{\"tier\":1}", "{\"owner\":\"x\"}", "null", "[]");

    private static Gen<string> Members(bool clean) =>
        from id in clean ? Gen.Elements("\"L-1\"", "\"L-2\"", "\"\"") : Gen.Elements("\"L-1\"", "\"L-2\"", "\"\"", "42", "null", "\"L\\u002d3\"", "true")
        from mql in clean ? Gen.OneOf(CleanInstants, Gen.Constant("null")) : Instants
        from attributes in clean ? Attributes(true) : Gen.OneOf(Attributes(false), Attributes(false), Gen.Elements("null", "[]", "\"x\""))
        from events in clean ? Events(true) : Gen.OneOf(Events(false), Events(false), Gen.Elements("null", "{}"))
        from touches in clean ? Touches(true) : Gen.OneOf(Touches(false), Touches(false), Gen.Elements("null", "3"))
        from assigned in clean ? Gen.Elements("{\"tier\":\"gold\",\"team\":\"emea\"}", "{\"team\":\"smb\"}", "{}", "null") : Assigned
        from keep in Gen.ArrayOf(Gen.Elements(true, true, true, false), 9)
        from extra in clean ? Gen.Elements(
            string.Empty,
            ",\"paused\":[{\"from\":\"2026-11-21T00:00:00Z\",\"to\":\"2026-11-22T00:00:00Z\"},{\"to\":\"2026-11-25T00:00:00Z\",\"from\":\"2026-11-24T00:00:00Z\"}]",
            ",\"paused\":[]",
            ",\"disposition\":{\"outcome\":\"defer\",\"at\":\"2026-09-22T03:38:13Z\"}",
            ",\"disposition\":{\"at\":\"2026-09-22T03:38:13Z\",\"outcome\":\"recycle\"}",
            ",\"disposition\":null,\"paused\":null") : Gen.Elements(
            ",\"paused\":[{\"from\":\"2026-11-22T00:00:00Z\",\"to\":\"2026-11-21T00:00:00Z\"}]",
            ",\"paused\":[{\"from\":\"2026-11-22T00:00:00Z\",\"to\":null}]",
            ",\"paused\":[{\"from\":\"2026-11-22T00:00:00Z\",\"from\":\"2026-11-22T00:00:00Z\",\"to\":\"2026-11-23T00:00:00Z\"}]",
            ",\"disposition\":{\"outcome\":\"Convert\",\"at\":\"2026-09-22T03:38:13Z\"}",
            ",\"disposition\":{\"outcome\":\"won\",\"at\":\"2026-09-22T03:38:13Z\"}",
            ",\"disposition\":{\"outcome\":\"defer\"}",
            ",\"disposition\":{\"outcome\":null,\"at\":\"2026-09-22T03:38:13Z\"}",
            ",\"disposition\":{\"outcome\":\"defer\",\"outcome\":\"defer\",\"at\":\"2026-09-22T03:38:13Z\"}",
            ",\"disposition\":{\"outcome\":\"defer\",\"at\":\"2026-09-22T03:38:13Z\",\"by\":\"x\"}",
            string.Empty, string.Empty, string.Empty, ",\"paused\":[{\"from\":\"2026-11-21T00:00:00Z\",\"to\":\"2026-11-22T00:00:00Z\"}]",
            ",\"unknown\":{\"a\":[1,2]}", ",\"id\":\"again\"", ",\"error\":{\"code\":\"SLA0701\",\"message\":\"m\"}", ",\"disposition\":{\"outcome\":\"won\"}")
        select "{" + string.Join(",", new[]
        {
            keep[0] || clean ? $"\"id\":{id}" : null,
            keep[1] ? $"\"mql_at\":{mql}" : null,
            keep[2] ? $"\"attributes\":{attributes}" : null,
            keep[3] ? $"\"events\":{events}" : null,
            keep[4] ? $"\"touches\":{touches}" : null,
            keep[5] ? $"\"assigned\":{assigned}" : null,
        }.Where(m => m is not null)) + extra + "}";

    private static readonly Gen<string> Lines =
        from line in Gen.OneOf(Members(true), Members(true), Members(false))
        from change in Gen.Choose(0, 14)
        from at in Gen.Choose(0, 10_000)
        from what in Gen.Elements(" ", "\t", "\r", ",", ":", "\"", "{", "}", "[", "]", "\\", "0", "-", "e", "x", "\u00e9", "\u0001")
        select change switch
        {
            0 => line.Insert(at % (line.Length + 1), what),
            1 => line.Remove(at % line.Length, 1),
            2 => line.Remove(at % line.Length, 1).Insert(at % line.Length, what),
            3 => line.Replace(",", ", ", StringComparison.Ordinal),
            4 => " " + line,
            5 => line + " ",
            6 => line + "{}",
            _ => line,
        };

    [Fact]
    public void TheFastPath_ReadsWhatTheFullPassReads_AndLeavesTheRestToIt()
    {
        var fast = 0;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), Prop.ForAll(Lines.ToArbitrary(), line =>
        {
            var utf8 = Encoding.UTF8.GetBytes(line);
            var full = LeadJsonReader.Read(utf8, compact: false);
            var read = LeadJsonReader.Read(utf8, compact: true);
            Assert.Equal(Describe(full), Describe(read));
            if (System.Text.Unicode.Utf8.IsValid(utf8) && LeadJsonReader.TryReadCompact(utf8) is { } compact)
            {
                fast++;
                Assert.Equal(Describe(full), Describe(LeadParseResult.ForValue(compact)));
            }
        }));

        // The generator must reach the fast path often, or the comparison says little about it.
        Assert.True(fast > Runs / 10, $"only {fast} of {Runs} lines took the fast path");
    }

    [Fact]
    public void TheBenchmarkAndGeneratedLines_TakeTheFastPath()
    {
        var line = """{"id":"L-1001","mql_at":"2026-11-20T15:30:00Z","attributes":{"employees":250,"rank":91,"purchase_timeline":"1-6 months","email":"ana@acme.com","title":"VP Marketing","country":"US"},"events":[{"type":"whitepaper_download","at":"2026-11-01T10:00:00Z"},{"type":"webinar_attended","at":"2026-11-10T10:00:00Z"}],"touches":[{"channel":"call","at":"2026-11-20T16:10:00Z","outcome":"no_answer"},{"channel":"email","at":"2026-11-20T18:00:00Z"}],"assigned":{"tier":"silver","team":"smb"}}""";
        var lead = LeadJsonReader.TryReadCompact(Encoding.UTF8.GetBytes(line));
        Assert.NotNull(lead);
        Assert.Equal(Describe(LeadJsonReader.Read(Encoding.UTF8.GetBytes(line), compact: false)), Describe(LeadParseResult.ForValue(lead)));
        Assert.Null(LeadJsonReader.TryReadCompact(Encoding.UTF8.GetBytes(line.Replace(",", ", ", StringComparison.Ordinal))));
    }

    private static string Describe(LeadParseResult result)
    {
        if (!result.TryGetValue(out var lead))
        {
            var e = result.Error!;
            return $"error {e.Code} {e.Message} {e.Path} {e.ByteOffset} {e.LeadId}";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{lead.Id}|{lead.MqlAt}|");
        foreach (var (key, value) in lead.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{key}={Value(value)};");
        }

        text.Append('|').AppendJoin(";", lead.Events.Select(e => $"{e.Type}@{e.At}"));
        text.Append('|').AppendJoin(";", lead.Touches.Select(t => $"{t.Channel}@{t.At}:{t.Outcome ?? "(none)"}"));
        text.Append(CultureInfo.InvariantCulture, $"|{lead.Paused}|{lead.Disposition}|{lead.Assigned?.Tier ?? "(none)"}/{lead.Assigned?.Team ?? "(none)"}/{lead.Assigned is null}");
        return text.ToString();
    }

    private static string Value(LeadValue value) => value.Kind switch
    {
        LeadValueKind.Number => BitConverter.DoubleToInt64Bits(value.AsNumber).ToString(CultureInfo.InvariantCulture),
        LeadValueKind.List => "[" + string.Join(",", value.AsList.Select(Value)) + "]",
        _ => value.Kind + ":" + value,
    };
}
