using System.CommandLine;
using NodaTime;
using SlaEngine.Cli;
using static SlaEngine.Tests.Cli.CliRunner;

namespace SlaEngine.Tests.Cli;

/// <summary>The command line of every command, parsed by System.CommandLine: options, POSIX forms, errors.</summary>
public sealed class ParserTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 2, 8, 15, 30) + Duration.FromMilliseconds(250);

    [Theory]
    [InlineData("--explain", true)] // a bare flag
    [InlineData("--explain=true", true)] // the inline value of a flag is read...
    [InlineData("--explain=false", false)] // ...also when it turns the flag off
    [InlineData("--explain:false", false)] // the Windows spelling of the same
    [InlineData(null, false)] // not given
    public void Evaluate_ExplainFlag_ReadsItsInlineValue(string? flag, bool expected)
    {
        string[] args = ["evaluate", "--policy", "p.yaml", "--at", At, .. flag is null ? Array.Empty<string>() : [flag]];

        var result = Parse(args);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.GetValue<bool>("--explain"));
    }

    [Fact]
    public void Evaluate_EveryOption_InBothForms()
    {
        var spaced = Parse("evaluate", "--policy", "p.yaml", "--at", At, "--leads", "l.jsonl", "--explain", "--format", "table", "--zone", "Europe/Berlin");
        var inline = Parse("evaluate", "--policy=p.yaml", "--at=" + At, "--leads=l.jsonl", "--explain=true", "--format=table", "--zone=Europe/Berlin");

        foreach (var result in new[] { spaced, inline })
        {
            Assert.Empty(result.Errors);
            Assert.Equal("p.yaml", result.GetValue<string>("--policy"));
            Assert.Equal(Instant.FromUtc(2026, 11, 22, 12, 0), result.GetValue<Instant>("--at"));
            Assert.Equal("l.jsonl", result.GetValue<string>("--leads"));
            Assert.True(result.GetValue<bool>("--explain"));
            Assert.Equal("table", result.GetValue<string>("--format"));
            Assert.Equal("Europe/Berlin", result.GetValue<TimeZoneChoice>("--zone")!.ToString());
        }
    }

    [Fact]
    public void Evaluate_Defaults_StandardInputJsonlUtc()
    {
        var result = Parse("evaluate", "--policy", "p.yaml", "--at", At);

        Assert.Empty(result.Errors);
        Assert.Equal("-", result.GetValue<string>("--leads"));
        Assert.Equal("jsonl", result.GetValue<string>("--format"));
        Assert.False(result.GetValue<bool>("--explain"));
        Assert.True(result.GetValue<TimeZoneChoice>("--zone")!.IsUtc);
    }

    [Theory]
    [InlineData("2026-11-22T12:00:00Z", "2026-11-22T12:00:00Z")] // UTC
    [InlineData("2026-11-22T13:00:00+01:00", "2026-11-22T12:00:00Z")] // an offset: the same instant
    [InlineData("2026-11-22T07:00:00-05:00", "2026-11-22T12:00:00Z")] // a negative offset
    [InlineData("2026-11-22T12:00:00.5Z", "2026-11-22T12:00:00.5Z")] // fractional seconds
    [InlineData("now", "2026-12-02T08:15:30Z")] // the system clock, to the whole second
    [InlineData("NOW", "2026-12-02T08:15:30Z")] // any case
    public void At_InstantForms_AllAccepted(string text, string expected)
    {
        var result = Parse("evaluate", "--policy", "p.yaml", "--at", text);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, TimeZoneChoice.Format(result.GetValue<Instant>("--at"), null));
    }

    [Theory]
    [InlineData("evaluate", "--at")]
    [InlineData("report", "--at")]
    [InlineData("compare", "--at")]
    [InlineData("due", "--from")]
    public void InstantOptions_OffsetAndNow_AcceptedEverywhere(string command, string option)
    {
        foreach (var value in new[] { "2026-11-22T13:00:00+01:00", "now" })
        {
            var args = Required(command).Where((_, i) => true).ToList();
            var index = args.IndexOf(option);
            args[index + 1] = value;

            var result = Parse([command, .. args]);

            Assert.Empty(result.Errors);
        }
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-11-22")] // a date is not an instant
    [InlineData("2026-11-22T12:00:00")] // no offset: ambiguous
    public void At_NotAnInstant_UsageErrorNamingTheValue(string text)
    {
        var (code, stdout, stderr) = Run("evaluate", "--policy", RankBands, "--at", text);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var lines = Lines(stderr);
        Assert.Equal(2, lines.Length);
        Assert.Equal($"slaengine evaluate: --at '{text}' is not an instant; write it like 2026-11-22T12:00:00Z, 2026-11-22T13:00:00+01:00 or now.", lines[0]);
        Assert.Equal("Run 'slaengine evaluate --help' for usage and examples.", lines[1]);
    }

    [Fact]
    public void AtNow_EvaluatesAtTheClocksInstant()
    {
        var clock = new FixedClock(Instant.FromUtc(2026, 11, 22, 12, 0));
        var now = Rendered.Run(o => new CliContext(o, new StringWriter()) { Clock = clock }, "evaluate", "--policy", RankBands, "--at", "now", "--leads", SampleLeads);
        var fixedAt = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads);

        Assert.Equal(fixedAt.Code, now.Code);
        Assert.Equal(fixedAt.Stdout, now.Stdout);
    }

    [Theory]
    [InlineData("utc", true, false, null)]
    [InlineData("UTC", true, false, null)]
    [InlineData("calendar", false, true, null)]
    [InlineData("Europe/Berlin", false, false, "Europe/Berlin")]
    [InlineData("america/new_york", false, false, "America/New_York")] // ids match case-insensitively
    public void Zone_Forms(string text, bool utc, bool calendar, string? id)
    {
        var zone = Parse("evaluate", "--policy", "p.yaml", "--at", At, "--zone", text).GetValue<TimeZoneChoice>("--zone")!;

        Assert.Equal(utc, zone.IsUtc);
        Assert.Equal(calendar, zone.IsCalendar);
        Assert.Equal(id, zone.Zone?.Id);
    }

    [Fact]
    public void Zone_Unknown_UsageError()
    {
        var (code, _, stderr) = Run("evaluate", "--policy", RankBands, "--at", At, "--zone", "Mars/Olympus");

        Assert.Equal(2, code);
        Assert.StartsWith("slaengine evaluate: --zone 'Mars/Olympus' is not a zone; use calendar, utc or an IANA time zone id", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DoubleDash_EndsOptions_RestArePositional()
    {
        var result = Parse("validate", "--", "--odd-name.yaml", "-");

        Assert.Empty(result.Errors);
        Assert.Equal(["--odd-name.yaml", "-"], result.GetValue<string[]>("FILE")!);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("evaluate")]
    [InlineData("due")]
    [InlineData("calendar")]
    [InlineData("test")]
    [InlineData("compare")]
    [InlineData("report")]
    [InlineData("completion")]
    public void EveryCommand_RequiredArgumentsParse(string command)
    {
        var result = Parse([command, .. Required(command)]);

        Assert.Empty(result.Errors);
        Assert.Equal(command, result.CommandResult.Command.Name);
    }

    [Theory]
    [InlineData("evaluate", "--policy")]
    [InlineData("evaluate", "--at")]
    [InlineData("due", "--policy")]
    [InlineData("due", "--calendar")]
    [InlineData("due", "--from")]
    [InlineData("due", "--within")]
    [InlineData("calendar", "--policy")]
    [InlineData("calendar", "--calendar")]
    [InlineData("calendar", "--ops")]
    [InlineData("compare", "--base")]
    [InlineData("compare", "--candidate")]
    [InlineData("compare", "--at")]
    [InlineData("report", "--policy")]
    [InlineData("report", "--at")]
    [InlineData("report", "--leads")]
    public void EveryRequiredOption_Missing_OneLineUsageErrorWithAnExample(string command, string option)
    {
        var args = Required(command).ToList();
        var index = args.IndexOf(option);
        args.RemoveRange(index, 2);

        var (code, stdout, stderr) = Run([command, .. args]);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var lines = Lines(stderr);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"slaengine {command}: {option} is required, for example {option} ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"Run 'slaengine {command} --help' for usage and examples.", lines[1]);
    }

    [Theory]
    [InlineData("evaluate", "--format", "xml")]
    [InlineData("compare", "--format", "csv")]
    [InlineData("report", "--format", "csv")]
    [InlineData("report", "--by", "rep")]
    [InlineData("due", "--within", "soon")]
    [InlineData("due", "--within", "4 fortnights")]
    [InlineData("completion", null, "fish")]
    public void BadValues_UsageErrorNamingTheValue(string command, string? option, string value)
    {
        var args = Required(command).ToList();
        if (option is null)
        {
            args[0] = value;
        }
        else if (args.IndexOf(option) is >= 0 and var index)
        {
            args[index + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, stderr) = Run([command, .. args]);

        Assert.Equal(2, code);
        Assert.Contains(value, Lines(stderr)[0], StringComparison.Ordinal);
        Assert.Equal(2, Lines(stderr).Length);
    }

    [Theory]
    [InlineData("evaluate", "--polcy", "Did you mean --policy?")]
    [InlineData("report", "--chek-goals", "Did you mean --check-goals?")]
    [InlineData("evaluate", "--explian=false", "Did you mean --explain?")]
    public void UnknownOption_SuggestsTheClosest(string command, string option, string hint)
    {
        var (code, _, stderr) = Run([command, .. Required(command), option]);

        Assert.Equal(2, code);
        Assert.Equal($"slaengine {command}: unknown option {option.Split('=')[0]}. {hint}", Lines(stderr)[0]);
    }

    [Fact]
    public void UnknownCommand_SuggestsTheClosest()
    {
        var (code, _, stderr) = Run("evaluat", "--policy", "p.yaml");

        Assert.Equal(2, code);
        Assert.Equal(["slaengine: unknown command 'evaluat'. Did you mean 'evaluate'?", "Run 'slaengine --help' for usage and examples."], Lines(stderr));
    }

    [Fact]
    public void OptionGivenTwice_UsageError()
    {
        var (code, _, stderr) = Run("evaluate", "--policy", "a.yaml", "--policy", "b.yaml", "--at", At);

        Assert.Equal(2, code);
        Assert.Contains("--policy", Lines(stderr)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void UnexpectedArgument_UsageError()
    {
        var (code, _, stderr) = Run("report", "--policy", "p.yaml", "--at", At, "--leads", "l.jsonl", "extra.jsonl");

        Assert.Equal(2, code);
        Assert.Equal("slaengine report: unexpected argument 'extra.jsonl'.", Lines(stderr)[0]);
    }

    [Theory]
    [InlineData("validate", "name at least one policy file")]
    [InlineData("test", "name at least one tests file")]
    public void FileCommands_NoFiles_UsageError(string command, string message)
    {
        var (code, _, stderr) = Run(command);

        Assert.Equal(2, code);
        Assert.Contains(message, Lines(stderr)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Test_VerboseFlag_InBothForms()
    {
        Assert.True(Parse("test", "a.tests.yaml", "--verbose").GetValue<bool>("--verbose"));
        Assert.False(Parse("test", "a.tests.yaml", "--verbose=false").GetValue<bool>("--verbose"));
        Assert.Equal(["a.tests.yaml", "b.tests.yaml"], Parse("test", "a.tests.yaml", "b.tests.yaml").GetValue<string[]>("TESTS.yaml")!);
    }

    [Fact]
    public void Report_CheckGoalsAndBy_Parse()
    {
        var result = Parse("report", "--policy", "p.yaml", "--at", At, "--leads", "-", "--by=team", "--check-goals", "--format", "table", "--zone", "calendar");

        Assert.Empty(result.Errors);
        Assert.Equal("team", result.GetValue<string>("--by"));
        Assert.True(result.GetValue<bool>("--check-goals"));
        Assert.False(Parse("report", "--policy", "p.yaml", "--at", At, "--leads", "-", "--check-goals=false").GetValue<bool>("--check-goals"));
    }

    [Fact]
    public void Compare_JsonlIsAnotherNameForJson()
    {
        Assert.Empty(Parse("compare", "--base", "a.yaml", "--candidate", "b.yaml", "--at", At, "--format", "jsonl").Errors);
    }

    [Fact]
    public void Registration_NamesAreTheCommandsOwnNames()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null);

        Assert.All(Program.Commands, c => Assert.Equal(c.Name, c.Create(context).Name));
        Assert.Equal(Commands, Program.Commands.Select(c => c.Name));
    }

    [Fact]
    public void OnlyTheNamedCommandIsBuilt_ButErrorsStillSeeAllCommands()
    {
        var (code, _, stderr) = Run("evaluate", "--policy", RankBands, "--at", At, "--zone", "nowhere");

        Assert.Equal(2, code);
        Assert.StartsWith("slaengine evaluate: --zone 'nowhere'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NoArguments_PrintsHelpAndExits2()
    {
        var (code, stdout, _) = Run();

        Assert.Equal(2, code);
        Assert.Contains("Commands:", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    [InlineData("-?")]
    public void Help_AnyCommand_HasOptionsAndExamples(string flag)
    {
        foreach (var command in Commands)
        {
            var (code, stdout, stderr) = Run(command, flag);

            Assert.True(code == 0, stderr);
            Assert.Contains($"slaengine {command}", stdout, StringComparison.Ordinal);
            Assert.Contains("Options:", stdout, StringComparison.Ordinal);
            Assert.Contains("Examples:", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Help_RootListsEveryCommand()
    {
        var (code, stdout, _) = Run("--help");

        Assert.Equal(0, code);
        foreach (var command in Commands)
        {
            Assert.Contains("  " + command + " ", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Suggest_CompletesCommandsOptionsAndValues()
    {
        Assert.Contains("evaluate", Lines(Run("[suggest:13]", "slaengine eva").Stdout));
        Assert.Contains("--explain", Lines(Run("[suggest:25]", "slaengine evaluate --expl").Stdout));
        Assert.Equal(["jsonl", "table"], Lines(Run("[suggest:28]", "slaengine evaluate --format ").Stdout));
        Assert.Contains("now", Lines(Run("[suggest:24]", "slaengine evaluate --at ").Stdout));
        Assert.Contains("Europe/Berlin", Lines(Run("[suggest:33]", "slaengine evaluate --zone Europe/").Stdout));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _slaengine_complete slaengine")]
    [InlineData("zsh", "compdef _slaengine_complete slaengine")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName slaengine")]
    public void Completion_PrintsAScriptThatUsesTheSuggestDirective(string shell, string hook)
    {
        var (code, stdout, _) = Run("completion", shell);

        Assert.Equal(0, code);
        Assert.Contains(hook, stdout, StringComparison.Ordinal);
        Assert.Contains("[suggest:", stdout, StringComparison.Ordinal);
    }

    /// <summary>A valid value for every option of every command (a new option without one fails the test below).</summary>
    private static readonly Dictionary<string, string> SampleValues = new()
    {
        ["--policy"] = "p.yaml",
        ["--base"] = "a.yaml",
        ["--candidate"] = "b.yaml",
        ["--at"] = "2026-11-22T13:00:00+01:00",
        ["--from"] = "now",
        ["--leads"] = "l.jsonl",
        ["--ops"] = "o.jsonl",
        ["--calendar"] = "night-desk",
        ["--within"] = "8 business days",
        ["--format"] = "table",
        ["--zone"] = "Asia/Tokyo",
        ["--by"] = "team",
        ["--explain"] = "true",
        ["--verbose"] = "true",
        ["--check-goals"] = "true",
        ["--strict"] = "true",
        ["--out"] = "out",
        ["--until"] = "2026-12-10T20:00:00Z",
        ["--map"] = "m.yaml",
        ["--touches"] = "t.csv",
        ["--events"] = "e.csv",
    };

    [Fact]
    public void EveryOptionOfEveryCommand_ParsesSpacedAndInline_AndTheValueArrives()
    {
        var root = Program.CreateRoot(new CliContext(TextWriter.Null, TextWriter.Null) { Clock = new FixedClock(Now) });
        foreach (var command in root.Subcommands)
        {
            foreach (var option in command.Options.Where(o => o is not System.CommandLine.Help.HelpOption))
            {
                Assert.True(SampleValues.TryGetValue(option.Name, out var value), $"no sample value for {command.Name} {option.Name}");
                if (command.Name == "timeline" && option.Name == "--format")
                {
                    value = "html";
                }

                var others = Required(command.Name).ToList();
                if (others.IndexOf(option.Name) is >= 0 and var at)
                {
                    others.RemoveRange(at, 2);
                }

                var spaced = root.Parse([command.Name, .. others, option.Name, value]);
                var inline = root.Parse([command.Name, .. others, option.Name + "=" + value]);

                Assert.True(spaced.Errors.Count == 0, $"{command.Name} {option.Name} {value}: {string.Join("; ", spaced.Errors.Select(e => e.Message))}");
                Assert.True(inline.Errors.Count == 0, $"{command.Name} {option.Name}={value}: {string.Join("; ", inline.Errors.Select(e => e.Message))}");
                Assert.NotNull(spaced.GetResult(option));
                Assert.Equal(Describe(spaced.GetResult(option)!.GetValueOrDefault<object>()), Describe(inline.GetResult(option)!.GetValueOrDefault<object>()));
            }
        }
    }

    private static string Describe(object? value) => value switch
    {
        Instant instant => TimeZoneChoice.Format(instant, null),
        null => "null",
        _ => value.ToString()!,
    };

    internal static readonly string[] Commands = ["validate", "evaluate", "due", "calendar", "test", "compare", "report", "timeline", "import", "completion"];

    /// <summary>Arguments that make each command's line complete.</summary>
    internal static string[] Required(string command) => command switch
    {
        "validate" => ["p.yaml"],
        "evaluate" => ["--policy", "p.yaml", "--at", At],
        "due" => ["--policy", "p.yaml", "--calendar", "us-sales", "--from", At, "--within", "4 business hours"],
        "calendar" => ["--policy", "p.yaml", "--calendar", "us-sales", "--ops", "-"],
        "test" => ["a.tests.yaml"],
        "compare" => ["--base", "a.yaml", "--candidate", "b.yaml", "--at", At],
        "report" => ["--policy", "p.yaml", "--at", At, "--leads", "-"],
        "timeline" => ["--policy", "p.yaml", "--at", At],
        "import" => ["--map", "m.yaml", "--leads", "l.csv"],
        "completion" => ["bash"],
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static ParseResult Parse(params string[] args) =>
        Program.CreateRoot(new CliContext(TextWriter.Null, TextWriter.Null) { Clock = new FixedClock(Now) }).Parse(args);
}
