using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;
using SlaEngine.Cli.Commands;

namespace SlaEngine.Cli;

/// <summary>
/// The <c>slaengine</c> command-line tool: System.CommandLine parses (POSIX conventions, generated help, completion),
/// each command in <c>Commands/</c> defines its options in its <c>Create</c> method and runs its pipeline.
/// </summary>
internal static class Program
{
    internal const int ExitOk = 0;
    internal const int ExitFailure = 1;
    internal const int ExitUsage = 2;
    internal const int ExitInvalidInput = 3;
    internal const int ExitGoalFailed = 4;

    /// <summary>
    /// Every command, by name: adding one is one file in <c>Commands/</c> and one line here. The name lets the tool
    /// build only the command it runs (start-up time); a test checks it is the command's own name.
    /// </summary>
    internal static readonly (string Name, Func<CliContext, Command> Create)[] Commands =
    [
        ("validate", ValidateCommand.Create),
        ("evaluate", EvaluateCommand.Create),
        ("due", DueCommand.Create),
        ("calendar", CalendarCommand.Create),
        ("test", TestCommand.Create),
        ("compare", CompareCommand.Create),
        ("report", ReportCommand.Create),
        ("timeline", TimelineCommand.Create),
        ("import", ImportCommand.Create),
        ("completion", CompletionCommand.Create),
    ];

    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" };
        var code = Run(args, CliContext.ForConsole(stdout, Console.Error, NodaTime.SystemClock.Instance));
        stdout.Flush();
        return code;
    }

    /// <summary>Runs the tool in-process with plain writers: nothing is a terminal, nothing is decorated (used by tests).</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) => Run(args, new CliContext(stdout, stderr));

    /// <summary>Parses and runs one command line.</summary>
    internal static int Run(IReadOnlyList<string> args, CliContext context)
    {
        // A command line that names a command builds only that command; help, completion and errors build them all.
        var only = args.Count > 0 ? Array.Find(Commands, c => c.Name == args[0]).Create : null;
        var root = CreateRoot(context, only);
        var result = root.Parse(args.Count == 0 ? ["--help"] : args);
        if (only is not null && result.Errors.Count > 0)
        {
            root = CreateRoot(context);
            result = root.Parse(args);
        }

        if (result.Action is HelpAction)
        {
            // The library writes the help; the tool adds each command's details and examples to it.
            var help = new StringWriter();
            result.Invoke(new InvocationConfiguration { Output = help, Error = context.Error });
            context.Out.Write(CliHelp.Complete(result.CommandResult.Command, help.ToString()));
            return args.Count == 0 ? ExitUsage : ExitOk;
        }

        if (result.Errors.Count > 0 && result.Action is ParseErrorAction)
        {
            return UsageError(context, result);
        }

        try
        {
            return result.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (IOException e)
        {
            context.Error.WriteLine($"{CommandName(result.CommandResult.Command)}: {e.Message}");
            return ExitUsage;
        }
        catch (UnauthorizedAccessException e)
        {
            context.Error.WriteLine($"{CommandName(result.CommandResult.Command)}: {e.Message}");
            return ExitUsage;
        }
    }

    /// <summary>The root command with every command registered (for the tool, its docs and completion).</summary>
    internal static RootCommand CreateRoot(CliContext context, Func<CliContext, Command>? only = null)
    {
        var root = new RootCommand("slaengine — marketing–sales SLA policies as code: validate, evaluate, test, report and backtest them.");
        foreach (var create in only is null ? Commands.Select(c => c.Create) : [only])
        {
            var command = create(context);
            AddRequiredChecks(command);
            root.Subcommands.Add(command);
        }

        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new HelpAction { MaxWidth = Math.Clamp(context.Width, 60, 160) };
            }
        }

        return root;
    }

    /// <summary>Writes a usage error as one line naming the problem, then where the help is; exit code 2.</summary>
    internal static int UsageError(CliContext context, Command command, string message)
    {
        var name = CommandName(command);
        context.Error.WriteLine($"{name}: {message}");
        context.Error.WriteLine($"Run '{name} --help' for usage and examples.");
        return ExitUsage;
    }

    /// <summary>A parse error's text (System.CommandLine's own words, not an exception's) on one line.</summary>
    private static string OneLine(System.CommandLine.Parsing.ParseError error)
    {
        var text = error.Message;
        return text.Replace("\n", " ", StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal);
    }

    private static int UsageError(CliContext context, ParseResult result)
    {
        var command = result.CommandResult.Command;
        var message = result.UnmatchedTokens.Count > 0
            ? Unrecognized(command, result.UnmatchedTokens[0])
            : OneLine(result.Errors[0]);
        return UsageError(context, command, message);
    }

    private static string Unrecognized(Command command, string token)
    {
        if (token.StartsWith('-'))
        {
            var name = token.Split('=')[0];
            var hint = command.Options.Where(o => !o.Hidden).Select(o => o.Name)
                .Where(n => CliText.Distance(n, name) <= 3).OrderBy(n => CliText.Distance(n, name)).FirstOrDefault();
            return $"unknown option {name}." + (hint is null ? string.Empty : $" Did you mean {hint}?");
        }

        if (command is RootCommand)
        {
            var hint = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).OrderBy(n => CliText.Distance(n, token)).First();
            return $"unknown command '{token}'. Did you mean '{hint}'?";
        }

        return $"unexpected argument '{token}'.";
    }

    private static void AddRequiredChecks(Command command)
    {
        foreach (var option in command.Options)
        {
            if (CliOptions.RequiredExamples.TryGetValue(option, out var example))
            {
                command.Validators.Add(result =>
                {
                    if (result.GetResult(option) is null)
                    {
                        result.AddError($"{option.Name} is required, for example {option.Name} {example}.");
                    }
                });
            }
        }
    }

    private static string CommandName(Command command) => command is RootCommand ? "slaengine" : "slaengine " + command.Name;
}
