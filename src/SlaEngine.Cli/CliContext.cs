using NodaTime;

namespace SlaEngine.Cli;

/// <summary>
/// Where a command writes and what it may know about the terminal: standard output and error, whether each is an
/// interactive terminal (never when redirected), the terminal width, whether colour is allowed, and the system clock
/// (read only for <c>--at now</c>; the library never reads a clock).
/// </summary>
internal sealed class CliContext
{
    internal CliContext(TextWriter output, TextWriter error)
    {
        Out = output;
        Error = error;
    }

    /// <summary>Gets standard output.</summary>
    internal TextWriter Out { get; }

    /// <summary>Gets standard error.</summary>
    internal TextWriter Error { get; }

    /// <summary>Gets a value indicating whether standard output is an interactive terminal (false when redirected).</summary>
    internal bool OutIsTerminal { get; init; }

    /// <summary>Gets a value indicating whether standard error is an interactive terminal (false when redirected).</summary>
    internal bool ErrorIsTerminal { get; init; }

    /// <summary>Gets a value indicating whether output to a terminal may be coloured (<c>NO_COLOR</c> unset, a capable <c>TERM</c>).</summary>
    internal bool ColourAllowed { get; init; }

    /// <summary>
    /// Gets the width tables wrap to: the terminal's width on a terminal, otherwise <c>COLUMNS</c> when set, otherwise
    /// 120 columns (so a redirected table is the same whatever window ran it).
    /// </summary>
    internal int Width { get; init; } = DefaultWidth;

    /// <summary>Gets the clock that <c>--at now</c> reads: the system clock in the tool (set by <see cref="Program"/>), a fixed instant by default.</summary>
    internal IClock Clock { get; init; } = new StoppedClock(NodaTime.Instant.FromUnixTimeSeconds(0));

    /// <summary>The width of a table written anywhere but a terminal, unless <c>COLUMNS</c> says otherwise.</summary>
    internal const int DefaultWidth = 120;

    /// <summary>Gets a value indicating whether standard output gets colours and other terminal decoration.</summary>
    internal bool Decorate => OutIsTerminal && ColourAllowed;

    /// <summary>Gets a value indicating whether progress may be drawn on standard error.</summary>
    internal bool ShowProgress => ErrorIsTerminal;

    /// <summary>The context of the real process: the console's streams, terminal detection, <c>NO_COLOR</c> and <c>COLUMNS</c>.</summary>
    internal static CliContext ForConsole(TextWriter output, TextWriter error, IClock clock)
    {
        var outIsTerminal = !Console.IsOutputRedirected;
        var errorIsTerminal = !Console.IsErrorRedirected;
        return new CliContext(output, error)
        {
            Clock = clock,
            OutIsTerminal = outIsTerminal,
            ErrorIsTerminal = errorIsTerminal,
            ColourAllowed = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
                && Environment.GetEnvironmentVariable("TERM") is not "dumb",
            Width = TerminalWidth(outIsTerminal || errorIsTerminal),
        };
    }

    private sealed class StoppedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    private static int TerminalWidth(bool terminal)
    {
        if (terminal)
        {
            try
            {
                if (Console.WindowWidth is > 0 and var width)
                {
                    return width;
                }
            }
            catch (IOException)
            {
                // No terminal after all: fall through.
            }
        }

        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? columns
            : DefaultWidth;
    }
}
