using Spectre.Console;

namespace SlaEngine.Cli.Rendering;

/// <summary>
/// Spectre.Console consoles over the tool's writers. Decoration follows the context: colour only on a terminal with
/// <c>NO_COLOR</c> unset, box-drawing characters only on a terminal; redirected output is plain text, never an escape
/// code, wrapped to <see cref="CliContext.Width"/>.
/// </summary>
internal static class Terminal
{
    /// <summary>A console over standard output.</summary>
    internal static IAnsiConsole Out(CliContext context) => Create(context.Out, context.OutIsTerminal, context.Decorate, context.Width);

    /// <summary>A console over standard error (for progress), decorated only when standard error is a terminal.</summary>
    internal static IAnsiConsole Error(CliContext context) =>
        Create(context.Error, context.ErrorIsTerminal, context.ErrorIsTerminal && context.ColourAllowed, context.Width);

    private static IAnsiConsole Create(TextWriter writer, bool terminal, bool colour, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            EnvironmentVariables = [],
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = terminal;
        console.Profile.Capabilities.Links = false;
        return console;
    }
}
