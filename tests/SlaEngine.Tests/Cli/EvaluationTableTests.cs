using static SlaEngine.Tests.Cli.CliRunner;

namespace SlaEngine.Tests.Cli;

/// <summary><c>evaluate --format table</c>: one header, fixed alignment, wrapping, CJK widths, dues, colours, trees.</summary>
public sealed class EvaluationTableTests
{
    private const string Lead = """{"id":"L-1","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"purchase_timeline":"now","employees":250},"touches":[{"channel":"call","at":"2026-11-20T16:10:00Z"}]}""";

    [Fact]
    public void Table_ManyRows_OneHeaderAndTheSameColumnsThroughout()
    {
        // More than the old table's 1,000-row flush, and more than one batch of the pipeline (4,096 lines).
        var leads = Enumerable.Range(1, 5000).Select(i => Lead.Replace("L-1", "L-" + i, StringComparison.Ordinal));
        using var file = new TempFile(leads);

        var (code, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path, "--format", "table");

        Assert.Equal(0, code);
        var lines = Lines(stdout);
        Assert.Single(lines, l => l.StartsWith("line ", StringComparison.Ordinal));
        var statusColumn = lines[0].IndexOf("status", StringComparison.Ordinal);
        var rows = lines.Where(l => l.Length > 0 && char.IsDigit(l[0])).ToList();
        Assert.Equal(5000, rows.Count);
        Assert.All(rows, row => Assert.Equal("mql", row.Substring(statusColumn, 3)));
    }

    [Theory]
    [InlineData(72)]
    [InlineData(80)]
    [InlineData(120)]
    [InlineData(200)]
    public void Table_AnyWidth_NoLineIsWiderThanTheTerminal(int width)
    {
        var (code, stdout, _) = Rendered.Run(o => Rendered.Redirected(o, width), "evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads, "--format", "table");

        Assert.Equal(3, code);
        Assert.All(Lines(stdout), line => Assert.True(Cells(line) <= width, $"{Cells(line)} > {width}: {line}"));
        Assert.DoesNotContain(" \n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_CjkNames_AlignByDisplayWidth()
    {
        using var file = new TempFile([
            Lead.Replace("\"L-1\"", "\"山田太郎\"", StringComparison.Ordinal),
            Lead.Replace("\"L-1\"", "\"L-2\"", StringComparison.Ordinal),
            Lead.Replace("\"L-1\"", "\"株式会社サンプル商事の見込み客\"", StringComparison.Ordinal)]);

        var (_, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path, "--format", "table");

        var lines = Lines(stdout);
        var statusCells = Cells(lines[0][..lines[0].IndexOf("status", StringComparison.Ordinal)]);
        var rows = lines.Where(l => l.Contains(" mql", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(statusCells, Cells(row[..row.IndexOf("mql", StringComparison.Ordinal)])));
    }

    [Fact]
    public void Table_ShowsEachMilestoneWithStatusAndDue_AndTheNextTouch()
    {
        using var file = new TempFile([Lead]);

        var (_, stdout, _) = Rendered.Run(o => Rendered.Redirected(o, 200), "evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path, "--format", "table");

        var flat = string.Join(" ", Lines(stdout).Select(l => l.Trim()));
        Assert.Contains("first_touch met 2026-11-20 18:30Z", flat, StringComparison.Ordinal);
        Assert.Contains("effort pending 2026-12-03 22:00Z", flat, StringComparison.Ordinal);
        Assert.Contains("call by", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_ZoneCalendar_ShowsLocalTimesWithOffsets()
    {
        using var file = new TempFile([Lead]);

        var (_, stdout, _) = Rendered.Run(o => Rendered.Redirected(o, 200), "evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path, "--format", "table", "--zone", "calendar");

        var flat = string.Join(" ", Lines(stdout).Select(l => l.Trim()));
        Assert.Contains("first_touch met 2026-11-20 13:30-05:00", flat, StringComparison.Ordinal);
        Assert.Contains("effort pending 2026-12-03 17:00-05:00", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_Explain_IsATreePerLeadWithLocalTimes()
    {
        using var file = new TempFile([Lead, Lead.Replace("L-1", "L-2", StringComparison.Ordinal)]);

        var (_, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path, "--format", "table", "--explain", "--zone", "America/New_York");

        Assert.Contains("trace of L-1\n", stdout, StringComparison.Ordinal);
        Assert.Contains("trace of L-2\n", stdout, StringComparison.Ordinal);
        Assert.Contains("|-- routing", stdout, StringComparison.Ordinal); // plain ASCII guides when redirected
        Assert.Contains("2026-11-20 13:30-05:00", stdout, StringComparison.Ordinal); // the trace's instants, local
        Assert.DoesNotContain("T18:30:00Z", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_ExplainFalse_HasNoTree()
    {
        using var file = new TempFile([Lead]);

        var (_, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path, "--format", "table", "--explain=false");

        Assert.DoesNotContain("trace of", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_Colour_OnlyOnATerminalWithoutNoColor()
    {
        string[] args = ["evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads, "--format", "table"];

        var terminal = Rendered.Run(o => Rendered.Terminal(o), args).Stdout;
        var noColor = Rendered.Run(o => Rendered.Terminal(o, colour: false), args).Stdout;
        var redirected = Rendered.Run(o => Rendered.Redirected(o), args).Stdout;

        Assert.Contains("\u001b[", terminal, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[3", noColor, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", redirected, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_InvalidLine_IsAnErrorRowAndExit3()
    {
        using var file = new TempFile([Lead, "{\"id\":\"bad\",\"mql_at\":12}"]);

        var (code, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path, "--format", "table");

        Assert.Equal(3, code);
        Assert.Matches(@"\n2\s+bad\s+error\s+-\s+SLA0702: 'mql_at' must be", stdout);
    }

    /// <summary>The display width of a line: CJK ideographs and kana take two cells.</summary>
    internal static int Cells(string text) =>
        text.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFF60' ? 2 : 1);
}

/// <summary>The warnings of an output line appear in the table's reason cell.</summary>
public sealed class EvaluationTableWarningTests
{
    [Fact]
    public void Table_LeadWithWarnings_ShowsThemUnderTheReason()
    {
        // employees as a string: the policy declares it a number (a warning, not an error, without --strict).
        using var file = new CliRunner.TempFile(["""{"id":"W-1","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"purchase_timeline":"now","employees":"250"}}"""]);

        var (code, stdout, _) = Rendered.Run(o => Rendered.Redirected(o, 200), "evaluate", "--policy", CliRunner.RankBands, "--at", CliRunner.At, "--leads", file.Path, "--format", "table");

        Assert.Equal(0, code);
        Assert.Matches(@"warning SLA07\d\d: attributes\.employees", stdout);
    }
}
