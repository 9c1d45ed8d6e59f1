using System.Text;
using SlaEngine.Cli.Commands;

namespace SlaEngine.Cli;

/// <summary>The <c>slaengine</c> command-line tool (spec section 5).</summary>
internal static class Program
{
    internal const int ExitOk = 0;
    internal const int ExitFailure = 1;
    internal const int ExitUsage = 2;
    internal const int ExitInvalidInput = 3;

    private static readonly (string Name, string Summary, Func<IReadOnlyList<string>, TextWriter, TextWriter, int> Run, string Help)[] Commands =
    [
        ("validate", "Load and check policy files; print file:line:col diagnostics.", ValidateCommand.Run, ValidateCommand.Help),
        ("evaluate", "Evaluate leads (JSONL) under a policy at an instant.", EvaluateCommand.Run, EvaluateCommand.Help),
        ("due", "Print the deadline of a duration from an instant on a calendar.", DueCommand.Run, DueCommand.Help),
        ("calendar", "Batch calendar math: JSONL ops in, JSONL answers out.", CalendarCommand.Run, CalendarCommand.Help),
        ("test", "Run policy tests (YAML): expected evaluate output for given leads.", TestCommand.Run, TestCommand.Help),
        ("compare", "Backtest: evaluate leads under two policies; per-lead differences and totals.", CompareCommand.Run, CompareCommand.Help),
        ("report", "Compliance report over a batch of leads: attainment, speed-to-lead, leakage, goals.", ReportCommand.Run, ReportCommand.Help),
        ("timeline", "Every change of each lead's verdict ahead, exact to the second, with keys to act on once.", TimelineCommand.Run, TimelineCommand.Help),
    ];

    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" };
        var code = Run(args, stdout, Console.Error);
        stdout.Flush();
        return code;
    }

    /// <summary>Runs the tool in-process (used by the end-to-end tests).</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.Write(Usage());
            return args.Count == 0 ? ExitUsage : ExitOk;
        }

        if (args[0] == "--version")
        {
            stdout.WriteLine(typeof(PolicyLoader).Assembly.GetName().Version?.ToString(3));
            return ExitOk;
        }

        var command = Array.Find(Commands, c => c.Name == args[0]);
        if (command.Name is null)
        {
            var hint = Commands.Select(c => c.Name).OrderBy(n => CommandLine.Distance(n, args[0])).First();
            stderr.WriteLine($"slaengine: unknown command '{args[0]}'. Did you mean '{hint}'? Run 'slaengine --help' for the list.");
            return ExitUsage;
        }

        var rest = args.Skip(1).ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            stdout.Write(command.Help);
            return ExitOk;
        }

        try
        {
            return command.Run(rest, stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"slaengine {command.Name}: {e.Message}");
            stderr.WriteLine($"Run 'slaengine {command.Name} --help' for usage and examples.");
            return ExitUsage;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"slaengine {command.Name}: {e.Message}");
            return ExitUsage;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"slaengine {command.Name}: {e.Message}");
            return ExitUsage;
        }
    }

    private static string Usage()
    {
        var text = new StringBuilder();
        text.Append("slaengine — marketing–sales SLA policies as code\n\nUsage: slaengine <command> [options]\n\nCommands:\n");
        foreach (var c in Commands)
        {
            text.Append("  ").Append(c.Name.PadRight(10)).Append(c.Summary).Append('\n');
        }

        text.Append("\nRun 'slaengine <command> --help' for a command's options and examples.\n");
        return text.ToString();
    }
}
