using NodaTime;
using SlaEngine.Cli;

namespace SlaEngine.Tests.Cli;

/// <summary>Contexts for rendering tests: a redirected stream or a terminal of a given width, with or without colour.</summary>
internal static class Rendered
{
    internal static CliContext Redirected(StringWriter output, int width = 120) =>
        new(output, new StringWriter()) { Width = width };

    internal static CliContext Terminal(StringWriter output, int width = 100, bool colour = true) =>
        new(output, new StringWriter()) { Width = width, OutIsTerminal = true, ColourAllowed = colour, Clock = new FixedClock(Instant.FromUtc(2026, 12, 2, 8, 0)) };

    /// <summary>Runs the tool with a context built over fresh writers.</summary>
    internal static (int Code, string Stdout, string Stderr) Run(Func<StringWriter, CliContext> context, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var built = context(stdout);
        var code = Program.Run(args, built);
        return (code, stdout.ToString(), built.Error.ToString()!);
    }
}
