using SlaEngine.Cli;
using static SlaEngine.Tests.Cli.CliRunner;

namespace SlaEngine.Tests.Cli;

/// <summary>Progress goes to standard error on a terminal only, and never changes standard output.</summary>
public sealed class ProgressTests
{
    public static TheoryData<string[]> Commands => new()
    {
        { ["evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads] },
        { ["report", "--policy", RankBands, "--at", At, "--leads", SampleLeads] },
        { ["compare", "--base", RankBands, "--candidate", RankBands, "--at", At, "--leads", SampleLeads] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Progress_StderrTerminal_DrawnOnStderrAndStdoutUnchanged(string[] args)
    {
        var plain = Run(args);

        var (code, stdout, stderr) = Rendered.Run(o => new CliContext(o, new StringWriter()) { ErrorIsTerminal = true, ColourAllowed = true }, args);

        Assert.Equal(plain.Code, code);
        Assert.Equal(plain.Stdout, stdout);
        Assert.Contains("leads/s", stderr, StringComparison.Ordinal);
        Assert.Contains("slaengine " + args[0], stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Progress_StderrRedirected_NoProgressOnStderr(string[] args)
    {
        var (_, _, stderr) = Run(args);

        // Only the error lines of invalid leads (report answers them on stderr), no progress.
        Assert.DoesNotContain("leads/s", stderr, StringComparison.Ordinal);
        Assert.All(Lines(stderr), line => Assert.StartsWith("{\"id\":", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Progress_StdoutIsTheSameTerminal_NotDrawnOverStreamedLines()
    {
        var (_, _, stderr) = Rendered.Run(
            o => new CliContext(o, new StringWriter()) { ErrorIsTerminal = true, OutIsTerminal = true },
            "evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads);

        Assert.DoesNotContain("leads/s", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_ReportOnATerminal_DrawnBecauseTheReportComesAtTheEnd()
    {
        var (_, _, stderr) = Rendered.Run(
            o => new CliContext(o, new StringWriter()) { ErrorIsTerminal = true, OutIsTerminal = true },
            "report", "--policy", RankBands, "--at", At, "--leads", SampleLeads, "--format", "table");

        Assert.Contains("leads/s", stderr, StringComparison.Ordinal);
    }
}
