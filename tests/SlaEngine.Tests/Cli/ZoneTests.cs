using System.Text.Json;
using static SlaEngine.Tests.Cli.CliRunner;

namespace SlaEngine.Tests.Cli;

/// <summary><c>--zone calendar|utc|IANA</c>: local times with offsets where asked, UTC (and unchanged bytes) otherwise.</summary>
public sealed class ZoneTests
{
    private const string Lead = """{"id":"L-1","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"purchase_timeline":"now","employees":250},"touches":[{"channel":"call","at":"2026-11-20T16:10:00Z"}]}""";

    [Fact]
    public void Evaluate_ZoneCalendar_InstantsInTheRoutedCalendarWithOffsets()
    {
        using var file = new TempFile([Lead]);

        var (code, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path, "--zone", "calendar");

        Assert.Equal(0, code);
        var line = JsonDocument.Parse(Lines(stdout)[0]).RootElement;
        Assert.Equal("2026-11-20T10:30:00-05:00", line.GetProperty("sla_start").GetString());
        Assert.Equal("2026-11-20T13:30:00-05:00", line.GetProperty("milestones")[0].GetProperty("due").GetString());
        Assert.Equal("2026-11-23T10:55:00-05:00", line.GetProperty("next_touch").GetProperty("due").GetString());
    }

    [Fact]
    public void Evaluate_ZoneUtcOrNone_ByteIdenticalUtcJson()
    {
        var none = RunOnStream("evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads);
        var utc = RunOnStream("evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads, "--zone", "utc");

        Assert.Equal(none.Stdout, utc.Stdout);
        Assert.DoesNotContain("-05:00", none.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ZoneIana_SameInstantsAsUtc()
    {
        var utc = Lines(Run("evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads, "--explain").Stdout);
        var berlin = Lines(Run("evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads, "--explain", "--zone", "Europe/Berlin").Stdout);

        Assert.Equal(utc.Length, berlin.Length);
        for (var i = 0; i < utc.Length; i++)
        {
            var a = JsonDocument.Parse(utc[i]).RootElement;
            var b = JsonDocument.Parse(berlin[i]).RootElement;
            if (!a.TryGetProperty("milestones", out var milestones))
            {
                continue;
            }

            for (var m = 0; m < milestones.GetArrayLength(); m++)
            {
                var dueA = milestones[m].GetProperty("due");
                var dueB = b.GetProperty("milestones")[m].GetProperty("due");
                if (dueA.ValueKind == JsonValueKind.String)
                {
                    Assert.Equal(dueA.GetDateTimeOffset(), dueB.GetDateTimeOffset());
                    Assert.Matches(@"\+0[12]:00$", dueB.GetString()!);
                }
            }
        }
    }

    [Theory]
    [InlineData("utc", "2026-12-28T15:50:00Z")] // the default: UTC, as the JSON output
    [InlineData("calendar", "2026-12-28T10:50:00-05:00")] // the calendar's zone, with its offset (2h10m on the 24th, 1h50m after Christmas and the weekend)
    [InlineData("Europe/Berlin", "2026-12-28T16:50:00+01:00")] // any IANA zone
    public void Due_FromAnOffset_InTheChosenZone(string zone, string expected)
    {
        var (code, stdout, _) = Run("due", "--policy", RankBands, "--calendar", "us-sales", "--from", "2026-12-24T16:50:00+01:00", "--within", "4 business hours", "--zone", zone);

        Assert.Equal(0, code);
        Assert.Equal(expected + "\n", stdout);
    }

    [Fact]
    public void Calendar_DefaultUtc_ZoneCalendarWithOffsets()
    {
        using var ops = new TempFile(["""{"op":"add","from":"2026-12-24T15:50:00Z","duration":"2 business hours"}""", """{"op":"between","from":"2026-12-24T15:50:00Z","to":"2026-12-28T15:00:00Z"}"""]);

        var utc = Lines(Run("calendar", "--policy", RankBands, "--calendar", "us-sales", "--ops", ops.Path).Stdout);
        var local = Lines(Run("calendar", "--policy", RankBands, "--calendar", "us-sales", "--ops", ops.Path, "--zone", "calendar").Stdout);

        Assert.Equal("""{"result":"2026-12-24T17:50:00Z","line":1}""", utc[0]);
        Assert.Equal("""{"result":"2026-12-24T12:50:00-05:00","line":1}""", local[0]);
        Assert.Equal(utc[1], local[1]); // seconds are not instants
    }

    [Fact]
    public void Report_Json_ZoneMovesTheInstantOnly()
    {
        var utc = JsonDocument.Parse(Run("report", "--policy", RankBands, "--at", At, "--leads", SampleLeads).Stdout).RootElement;
        var local = JsonDocument.Parse(Run("report", "--policy", RankBands, "--at", At, "--leads", SampleLeads, "--zone", "calendar").Stdout).RootElement;

        Assert.Equal("2026-11-22T12:00:00Z", utc.GetProperty("at").GetString());
        Assert.Equal("2026-11-22T07:00:00-05:00", local.GetProperty("at").GetString());
        Assert.Equal(utc.GetProperty("overall").GetRawText(), local.GetProperty("overall").GetRawText());
    }

    [Fact]
    public void Compare_Json_ZoneCalendarPerLead()
    {
        using var leads = new TempFile([Lead]);
        var v2 = Path.Combine(CliRunner.Samples, "backtest", "rank-bands-v2.yaml");

        var (_, stdout, _) = Run("compare", "--base", RankBands, "--candidate", v2, "--at", "2026-11-20T17:00:00Z", "--leads", leads.Path, "--zone", "calendar");

        var first = Lines(stdout)[0];
        Assert.Contains("-05:00\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Z\"", first, StringComparison.Ordinal);
    }
}

/// <summary>The JSON rewriting behind <c>--zone</c>.</summary>
public sealed class ZonedJsonTests
{
    [Fact]
    public void Rewrite_InstantsMove_KeysNumbersAndOtherTextsStay()
    {
        const string json = """{"id":"L-1","at":"2026-11-20T18:30:00Z","n":1.50,"ok":true,"none":null,"reason":"due 2026-11-20T18:30:00Z passed","key":"L-1|p@1|first_touch|status|\"breached\"|2026-11-20T18:30:01Z","list":["2026-11-20T18:30:00.5Z",{"key":"x"}]}""";

        var rewritten = SlaEngine.Cli.ZonedJson.Rewrite(json, NodaTime.DateTimeZoneProviders.Tzdb["America/New_York"]);

        Assert.Equal(
            """{"id":"L-1","at":"2026-11-20T13:30:00-05:00","n":1.50,"ok":true,"none":null,"reason":"due 2026-11-20T13:30:00-05:00 passed","key":"L-1|p@1|first_touch|status|\"breached\"|2026-11-20T18:30:01Z","list":["2026-11-20T13:30:00.5-05:00",{"key":"x"}]}""",
            rewritten);
    }
}
