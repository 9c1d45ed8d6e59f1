using System.Text;
using System.Text.Json;
using NodaTime;
using SlaEngine.Evaluation;
using static SlaEngine.Tests.Cli.CliRunner;

namespace SlaEngine.Tests.Robustness;

/// <summary>
/// Every lead is answered: hostile values — lone surrogate escapes, invalid UTF-8, NUL, numbers beyond double range,
/// nesting past the limit, a 1 MiB string — in ids, attributes, event types, touch channels and instants, through the
/// library (<see cref="LeadSnapshot.Parse(ReadOnlySpan{byte})"/>, <c>TryEvaluate</c>) and through the tool on files that
/// mix them with valid leads: each hostile lead gets its located error line, every valid lead before and after it
/// is evaluated, in order, and the exit code is 3.
/// </summary>
public sealed class HostileLeadTests
{
    private static readonly Instant EvaluationInstant = Instant.FromUtc(2026, 11, 22, 12, 0);

    /// <summary>Where the hostile value goes: a lead template with <c>§</c> where the raw JSON value is put.</summary>
    public static readonly Dictionary<string, string> Fields = new()
    {
        ["id"] = """{"id":§,"mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91}}""",
        ["attribute"] = """{"id":"H","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"title":§}}""",
        ["event type"] = """{"id":"H","mql_at":"2026-11-20T15:30:00Z","events":[{"type":§,"at":"2026-11-01T10:00:00Z"}]}""",
        ["touch channel"] = """{"id":"H","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91},"touches":[{"channel":§,"at":"2026-11-20T16:10:00Z"}]}""",
        ["instant"] = """{"id":"H","mql_at":§,"attributes":{"rank":91}}""",
    };

    /// <summary>The hostile values, as raw JSON bytes.</summary>
    public static readonly Dictionary<string, byte[]> Values = new()
    {
        ["lone high surrogate"] = Encoding.ASCII.GetBytes("\"a\\ud800b\""),
        ["lone low surrogate"] = Encoding.ASCII.GetBytes("\"\\udc00\""),
        ["reversed surrogate pair"] = Encoding.ASCII.GetBytes("\"\\udc00\\ud800\""),
        ["invalid UTF-8"] = [(byte)'"', (byte)'a', 0xC3, 0x28, (byte)'"'],
        ["NUL escape"] = Encoding.ASCII.GetBytes("\"a\\u0000b\""),
        ["instant then NUL"] = Encoding.ASCII.GetBytes("\"2026-11-20T15:30:00Z\\u0000\""), // NodaTime's parser alone would stop at the NUL and accept it
        ["raw NUL"] = [(byte)'"', (byte)'a', 0, (byte)'b', (byte)'"'],
        ["number beyond double range"] = Encoding.ASCII.GetBytes("1e400"),
        ["nesting past the limit"] = Encoding.ASCII.GetBytes(new string('[', 100) + new string(']', 100)),
        ["1 MiB string"] = Encoding.ASCII.GetBytes("\"" + new string('x', 1 << 20) + "\""),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in Fields.Keys)
        {
            foreach (var value in Values.Keys)
            {
                data.Add(field, value);
            }
        }

        return data;
    }

    /// <summary>The code each case must give, or null when the value is valid JSON text the lead accepts there.</summary>
    private static string? ExpectedCode(string field, string value) => value switch
    {
        "lone high surrogate" or "lone low surrogate" or "reversed surrogate pair" or "invalid UTF-8" or "raw NUL" => "SLA0701",
        "1 MiB string" => "SLA0707", // the line is over the 1 MiB limit
        "NUL escape" or "instant then NUL" => field == "instant" ? "SLA0703" : null, // "\u0000" is text; it is not an instant
        "number beyond double range" => field switch
        {
            "id" => null, // a numeric id is read as its text
            "attribute" => "SLA0707",
            _ => "SLA0702",
        },
        _ => field == "attribute" ? "SLA0701" : "SLA0702", // nesting: past 64 levels in an attribute; elsewhere an array where a string belongs
    };

    private static byte[] Line(string field, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(Fields[field]);
        var slot = bytes.AsSpan().IndexOf("§"u8);
        return [.. bytes[..slot], .. Values[value], .. bytes[(slot + 2)..]];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Library_HostileValue_IsALocatedErrorOrAValidLead(string field, string value)
    {
        var line = Line(field, value);
        var policy = PolicyLoader.LoadFile(RankBands);

        var read = LeadSnapshot.Parse(line);

        var code = ExpectedCode(field, value);
        if (code is null)
        {
            Assert.True(read.Success, read.Error?.ToString());
            Assert.True(policy.TryEvaluate(read.Value, EvaluationInstant).Success);
            return;
        }

        Assert.False(read.Success);
        Assert.Equal(code, read.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(read.Error.Message));
        Assert.True(read.Error.ByteOffset is null || (read.Error.ByteOffset >= 0 && read.Error.ByteOffset <= line.Length), $"offset {read.Error.ByteOffset}");
        Assert.Equal(field == "id" ? null : "H", read.LeadId);
        Assert.Throws<InvalidLeadException>(() => read.GetValueOrThrow());
    }

    [Theory]
    [InlineData("lone high surrogate", "attributes.title", 2)] // the offset of the escape itself, after "a
    [InlineData("lone low surrogate", "attributes.title", 1)] // after the opening quote
    [InlineData("number beyond double range", "attributes.title", 0)] // the number token
    public void Library_HostileAttribute_ErrorNamesThePathAndTheByte(string value, string path, long afterSlot)
    {
        var slot = Encoding.UTF8.GetBytes(Fields["attribute"]).AsSpan().IndexOf("§"u8);

        var error = LeadSnapshot.Parse(Line("attribute", value)).Error!;

        Assert.Equal((path, slot + afterSlot, slot + afterSlot + 1, "H"), (error.Path, error.ByteOffset, error.Column, error.LeadId));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("attribute")]
    [InlineData("event type")]
    [InlineData("touch channel")]
    [InlineData("instant")]
    public void Evaluate_FileMixingHostileAndValidLeads_AnswersEveryLeadInOrder(string field)
    {
        var (lines, expected) = MixedFile(field);
        using var file = new TempFile(lines.SelectMany(l => l.Append((byte)'\n')).ToArray());

        var (code, stdout, stderr) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path);

        Assert.Equal(3, code);
        var output = Lines(stdout);
        Assert.Equal(lines.Count, output.Length);
        for (var i = 0; i < output.Length; i++)
        {
            var root = JsonDocument.Parse(output[i]).RootElement;
            if (expected[i] is { } error)
            {
                Assert.Equal(error, root.GetProperty("error").GetProperty("code").GetString());
                Assert.Equal(i + 1, root.GetProperty("error").GetProperty("line").GetInt32());
            }
            else
            {
                Assert.True(root.TryGetProperty("policy", out _), $"line {i + 1}: {output[i]} {stderr}");
            }
        }

        Assert.Equal(Enumerable.Range(0, Values.Count + 1).Select(k => "V" + k), output.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).Where(id => id?.StartsWith('V') == true));
    }

    [Theory]
    [InlineData("attribute")]
    [InlineData("instant")]
    public void ReportAndCompare_FileMixingHostileAndValidLeads_AnswerEveryLead(string field)
    {
        var (lines, expected) = MixedFile(field);
        using var file = new TempFile(lines.SelectMany(l => l.Append((byte)'\n')).ToArray());
        var errors = expected.Select((e, i) => (e, i)).Where(x => x.e is not null).Select(x => $"{x.e}:{x.i + 1}").ToList();
        var valid = expected.Count(e => e is null);

        var (reportCode, reportOut, reportErr) = Run("report", "--policy", RankBands, "--at", At, "--leads", file.Path);
        Assert.Equal(3, reportCode);
        Assert.Equal(errors, Lines(reportErr).Select(ErrorOf));
        var report = JsonDocument.Parse(reportOut).RootElement;
        Assert.Equal(valid, report.GetProperty("overall").GetProperty("leads").GetInt32());

        var (compareCode, compareOut, _) = Run("compare", "--base", RankBands, "--candidate", RankBands, "--at", At, "--leads", file.Path);
        Assert.Equal(3, compareCode);
        var compareLines = Lines(compareOut);
        Assert.Equal(errors, compareLines[..^1].Select(ErrorOf));
        Assert.Equal(valid, JsonDocument.Parse(compareLines[^1]).RootElement.GetProperty("totals").GetProperty("leads").GetInt32());

        var (timelineCode, timelineOut, _) = Run("timeline", "--policy", RankBands, "--at", At, "--leads", file.Path);
        Assert.Equal(3, timelineCode);
        var timelineLines = Lines(timelineOut).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(lines.Count, timelineLines.Count);
        Assert.Equal(errors, timelineLines.Where(l => l.TryGetProperty("error", out _)).Select(l => ErrorOf(l.GetRawText())));
    }

    [Fact]
    public void Test_TestsFileWithHostileLeads_ReportsThoseTestsAndRunsTheOthers()
    {
        var directory = Directory.CreateTempSubdirectory("slaengine-hostile-");
        try
        {
            File.Copy(RankBands, Path.Combine(directory.FullName, "rank-bands.yaml"));
            var tests = Path.Combine(directory.FullName, "x.tests.yaml");
            File.WriteAllText(tests, """
                policy: rank-bands.yaml
                tests:
                  - name: valid before
                    at: 2026-11-20T16:00:00Z
                    lead: { mql_at: 2026-11-20T15:30:00Z, attributes: { rank: 91, purchase_timeline: now, employees: 250 } }
                    expect: { status: mql }
                  - name: NUL in an instant
                    at: 2026-11-20T16:00:00Z
                    lead: { mql_at: "2026-11-20T15:30:00Z\0", attributes: { rank: 91, purchase_timeline: now } }
                    expect: { status: mql }
                  - name: a rank beyond double range is not a number
                    at: 2026-11-20T16:00:00Z
                    lead: { mql_at: 2026-11-20T15:30:00Z, attributes: { rank: 1e400 } }
                    expect: { status: nurture }
                  - name: valid after
                    at: 2026-11-20T16:00:00Z
                    lead: { mql_at: 2026-11-20T15:30:00Z, attributes: { rank: 91, purchase_timeline: now, employees: 250 } }
                    expect: { status: mql }
                """);

            var (code, stdout, _) = Run("test", tests);

            Assert.Equal(1, code);
            Assert.Contains("x.tests.yaml:9:21: error SLA0906: 'mql_at' is '2026-11-20T15:30:00Z\\u0000'", stdout, StringComparison.Ordinal);
            Assert.Contains("FAIL " + tests + ":7: NUL in an instant", stdout, StringComparison.Ordinal);
            Assert.EndsWith("3 passed, 1 failed\n", stdout, StringComparison.Ordinal);

            // A lone surrogate is not even YAML: the file is reported, located, and not run.
            File.WriteAllText(tests, "policy: rank-bands.yaml\ntests:\n  - name: x\n    at: 2026-11-20T16:00:00Z\n    lead: { attributes: { title: \"a\\ud800b\" } }\n    expect: { status: mql }\n");
            (code, stdout, _) = Run("test", tests);
            Assert.Equal(2, code);
            Assert.Contains("x.tests.yaml:5:", stdout, StringComparison.Ordinal);
            Assert.Contains("error SLA0001: YAML syntax error", stdout, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(true);
        }
    }

    private static byte[] Valid(int k) =>
        Encoding.UTF8.GetBytes("{\"id\":\"V" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\",\"mql_at\":\"2026-11-20T15:30:00Z\",\"attributes\":{\"rank\":91,\"purchase_timeline\":\"now\"}}");

    private static string ErrorOf(string line)
    {
        var error = JsonDocument.Parse(line).RootElement.GetProperty("error");
        return $"{error.GetProperty("code").GetString()}:{error.GetProperty("line").GetInt32()}";
    }

    /// <summary>A file of valid leads V0…Vn with every hostile value of the field between them; the expected error code per line (null: answered with an evaluation).</summary>
    private static (List<byte[]> Lines, List<string?> Expected) MixedFile(string field)
    {
        var lines = new List<byte[]>();
        var expected = new List<string?>();
        var k = 0;
        foreach (var value in Values.Keys)
        {
            lines.Add(Valid(k++));
            expected.Add(null);
            lines.Add(Line(field, value));
            expected.Add(ExpectedCode(field, value));
        }

        lines.Add(Valid(k));
        expected.Add(null);
        return (lines, expected);
    }
}
