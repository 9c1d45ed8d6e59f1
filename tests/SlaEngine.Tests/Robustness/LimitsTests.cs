using System.Text;
using SlaEngine.Cli;
using SlaEngine.Evaluation;
using static SlaEngine.Tests.Cli.CliRunner;

namespace SlaEngine.Tests.Robustness;

/// <summary>Each limit of <c>docs/limits.md</c>, at the boundary, with the code and message the page promises.</summary>
public sealed class LimitsTests
{
    private static readonly string Policy = File.ReadAllText(RankBands);

    public static TheoryData<string, string, string> PolicyLimits => new()
    {
        { "document over 1 MiB", Policy + "\n#" + new string('x', 1 << 20) + "\n", "SLA0004" },
        { "nesting over 64", "policy: x\nversion: 1\ndescription: " + new string('[', 65) + new string(']', 65) + "\n", "SLA0005" },
        { "aliases over 10,000 nodes", "policy: x\nversion: 1\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d]\n", "SLA0006" },
        { "a type tag", "policy: !!python/object:os.system x\nversion: 1\n", "SLA0007" },
        { "condition nesting over 64", Replace("(" + new string('(', 64) + "employees > 100" + new string(')', 64) + ")"), "SLA0407" },
        { "condition over 4096 tokens", Replace(string.Join(" or ", Enumerable.Range(0, 1400).Select(i => "employees > " + i))), "SLA0408" },
        { "count window over 1,000,000", Replace("count(x, 1000001 days) > 1"), "SLA0411" },
        { "duration over 60,000,000", Policy.Replace("within: 2 business hours,", "within: 60000001 business minutes,", StringComparison.Ordinal), "SLA0300" },
    };

    [Theory]
    [MemberData(nameof(PolicyLimits))]
    public void Policy_OverALimit_IsALocatedError(string limit, string yaml, string code)
    {
        var result = PolicyLoader.TryLoad(yaml, "limits.yaml");

        Assert.False(result.Success, limit);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.IsError && d.Line >= 1 && d.Column >= 1);
    }

    [Theory]
    [InlineData(64, true)] // the lead object, its attributes and 62 nested arrays: at the limit
    [InlineData(65, false)] // one level deeper: SLA0701
    public void Lead_JsonDepth_IsLimited(int depth, bool ok)
    {
        var line = "{\"id\":\"d\",\"attributes\":{\"x\":" + new string('[', depth - 2) + new string(']', depth - 2) + "}}";
        var read = LeadSnapshot.Parse(line);
        Assert.Equal(ok, read.Success);
        if (!ok)
        {
            Assert.Equal("SLA0701", read.Error!.Code);
        }
    }

    [Fact]
    public void Evaluate_LinesOverTheLimit_AreLocatedErrorsAndTheNextLeadIsEvaluated()
    {
        var atLimit = "{\"id\":\"at\",\"attributes\":{\"pad\":\"" + new string('a', LeadSnapshot.MaxJsonBytes - 35) + "\"}}";
        Assert.Equal(LeadSnapshot.MaxJsonBytes, Encoding.UTF8.GetByteCount(atLimit));
        using var leads = new TempFile(
        [
            atLimit,
            "{\"id\":\"over\",\"attributes\":{\"pad\":\"" + new string('a', LeadSnapshot.MaxJsonBytes) + "\"}}",
            "{\"id\":\"huge\",\"attributes\":{\"pad\":\"" + new string('a', 5 * LeadSnapshot.MaxJsonBytes) + "\"}}",
            "{\"id\":\"next\",\"mql_at\":\"2026-11-20T15:30:00Z\",\"attributes\":{\"purchase_timeline\":\"now\",\"rank\":90}}",
        ]);

        var (code, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", leads.Path);

        var lines = Lines(stdout);
        Assert.Equal(3, code);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("{\"id\":\"at\",\"policy\":", lines[0], StringComparison.Ordinal);
        Assert.Equal("{\"id\":\"over\",\"error\":{\"code\":\"SLA0707\",\"message\":\"the lead is longer than the limit of 1048576 bytes\",\"line\":2}}", lines[1]);
        Assert.Equal("{\"id\":\"huge\",\"error\":{\"code\":\"SLA0707\",\"message\":\"the lead is longer than the limit of 1048576 bytes\",\"line\":3}}", lines[2]);
        Assert.StartsWith("{\"id\":\"next\",\"policy\":", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void LineSource_OverLongLine_KeepsAtMostTheCapAndReadsOn()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('x', 3 * LeadSnapshot.MaxJsonBytes) + "\r\nnext\r\n");
        using var source = new LineSource(new MemoryStream(bytes));

        Assert.True(source.TryReadLine(out var first));
        Assert.Equal(LineSource.MaxKeptBytes, first.Length);
        Assert.True(source.TryReadLine(out var second));
        Assert.Equal("next", Encoding.ASCII.GetString(second));
        Assert.False(source.TryReadLine(out _));
    }

    [Fact]
    public void Evaluate_SlaStartOutsideTheCalendarYears_IsALocatedError()
    {
        using var leads = new TempFile(["{\"id\":\"far\",\"mql_at\":\"2500-01-01T00:00:00Z\",\"attributes\":{\"purchase_timeline\":\"now\",\"rank\":90}}"]);

        var (code, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", leads.Path);

        Assert.Equal(3, code);
        Assert.Equal("{\"id\":\"far\",\"error\":{\"code\":\"SLA0707\",\"message\":\"'mql_at' is 2500-01-01T00:00:00Z, outside the years business time supports (1700–2499)\",\"line\":1}}\n", stdout);
    }

    [Fact]
    public void Calendar_OutsideTheYears_IsALocatedErrorWithoutParameterNames()
    {
        using var ops = new TempFile(
        [
            "{\"op\":\"add\",\"from\":\"2499-12-31T20:00:00Z\",\"duration\":\"9 business days\"}",
            "{\"op\":\"add\",\"from\":\"2026-11-20T15:30:00.123456789Z\",\"duration\":\"1 business hours\"}",
        ]);

        var (code, stdout, _) = Run("calendar", "--policy", RankBands, "--calendar", "us-sales", "--ops", ops.Path);

        Assert.Equal(3, code);
        Assert.Equal(
            "{\"line\":1,\"error\":{\"code\":\"SLA0801\",\"message\":\"the result falls outside the years business time supports (1700–2499)\"}}\n"
            + "{\"result\":\"2026-11-20T16:30:00.1234567Z\",\"line\":2}\n", // 100 ns precision: the nanoseconds are dropped
            stdout);
    }

    [Fact]
    public void Due_OutsideTheYears_SaysSoWithoutParameterNames()
    {
        var (code, stdout, stderr) = Run("due", "--policy", RankBands, "--calendar", "us-sales", "--from", "2499-12-31T20:00:00Z", "--within", "9 business days");

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.Equal("slaengine due: the deadline falls outside the years business time supports (1700–2499)\n", stderr);
    }

    private static string Replace(string condition) =>
        Policy.Replace("when: 'employees > 100', points: 10", "when: '" + condition + "', points: 10", StringComparison.Ordinal);
}
