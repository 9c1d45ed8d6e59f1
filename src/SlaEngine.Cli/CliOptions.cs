using System.CommandLine;
using System.CommandLine.Parsing;
using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Cli;

/// <summary>
/// The options several commands share, built the same way everywhere: <c>--policy</c>, <c>--at</c> (an instant with
/// <c>Z</c> or an offset, or <c>now</c>), <c>--leads</c>, <c>--zone</c> and <c>--format</c>.
/// </summary>
internal static class CliOptions
{
    /// <summary>The example instant shown in messages.</summary>
    internal const string ExampleInstant = "2026-11-22T12:00:00Z";

    /// <summary>A required option naming a file, with an example shown when it is missing.</summary>
    internal static Option<string> RequiredFile(string name, string description, string example) =>
        Required(new Option<string>(name) { Description = description, HelpName = "FILE" }, example);

    /// <summary><c>--policy FILE</c>, required.</summary>
    internal static Option<string> Policy() => RequiredFile("--policy", "The policy file (YAML).", "policy.yaml");

    /// <summary>
    /// An instant option: ISO-8601 with <c>Z</c> or an offset (<c>2026-11-22T13:00:00+01:00</c>), or <c>now</c> (the
    /// system clock, read once).
    /// </summary>
    internal static Option<Instant> Instant(CliContext context, string name, string description, bool required = true)
    {
        var option = new Option<Instant>(name)
        {
            Description = description + " ISO-8601 with Z or an offset, or 'now'.",
            HelpName = "INSTANT",
            CustomParser = result => ParseInstant(result, name, context.Clock),
        };
        option.CompletionSources.Add("now");
        return required ? Required(option, ExampleInstant) : option;
    }

    /// <summary><c>--at INSTANT|now</c>, required: the evaluation instant.</summary>
    internal static Option<Instant> At(CliContext context) =>
        Instant(context, "--at", "The evaluation instant (the engine itself never reads a clock).");

    /// <summary><c>--leads FILE|-</c>: JSONL leads, standard input when <c>-</c> (the default unless <paramref name="required"/>).</summary>
    internal static Option<string> Leads(bool required = false)
    {
        var option = new Option<string>("--leads")
        {
            Description = "The leads, one JSON object per line; - reads standard input.",
            HelpName = "FILE|-",
        };
        if (required)
        {
            return Required(option, "leads.jsonl");
        }

        option.DefaultValueFactory = _ => "-";
        return option;
    }

    /// <summary><c>--zone calendar|utc|IANA</c>: the zone instants are shown in.</summary>
    internal static Option<TimeZoneChoice> Zone(string description)
    {
        var option = new Option<TimeZoneChoice>("--zone")
        {
            Description = description,
            HelpName = "calendar|utc|IANA-ID",
            DefaultValueFactory = _ => TimeZoneChoice.Utc,
            CustomParser = ParseZone,
        };
        option.CompletionSources.Add(context => new[] { "calendar", "utc" }.Concat(DateTimeZoneProviders.Tzdb.Ids));
        return option;
    }

    /// <summary><c>--format</c> with its allowed values; the first is the default.</summary>
    internal static Option<string> Format(params string[] values)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => values[0],
        };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    /// <summary>A flag: <c>--name</c>, <c>--name=true</c> or <c>--name=false</c>.</summary>
    internal static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>
    /// Marks an option required, with a message that shows an example when it is missing (<c>--policy is required,
    /// for example --policy policy.yaml.</c>); the tool checks it for every command (<see cref="Program"/>).
    /// </summary>
    internal static Option<T> Required<T>(Option<T> option, string example)
    {
        option.Description += " Required.";
        RequiredExamples.AddOrUpdate(option, example);
        return option;
    }

    /// <summary>The examples of required options, for the message when one is missing.</summary>
    internal static System.Runtime.CompilerServices.ConditionalWeakTable<Option, string> RequiredExamples { get; } = [];

    private static Instant ParseInstant(ArgumentResult result, string name, IClock clock)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (string.Equals(text, "now", StringComparison.OrdinalIgnoreCase))
        {
            // Whole seconds: what a person means by "now", and what the output prints.
            var now = clock.GetCurrentInstant();
            return NodaTime.Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        }

        if (InstantText.TryParse(text, out var instant))
        {
            return instant;
        }

        result.AddError($"{name} '{text}' is not an instant; write it like {ExampleInstant}, 2026-11-22T13:00:00+01:00 or now.");
        return default;
    }

    private static TimeZoneChoice ParseZone(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (TimeZoneChoice.TryParse(text, out var choice))
        {
            return choice;
        }

        result.AddError($"--zone '{text}' is not a zone; use calendar, utc or an IANA time zone id like Europe/Berlin.");
        return TimeZoneChoice.Utc;
    }

    /// <summary><c>--map MAP.yaml</c>, <c>--touches FILE</c>, <c>--events FILE</c>: read a CRM export (CSV) in place of JSONL leads.</summary>
    internal static MapOptions Map() => new(
        new Option<string>("--map") { Description = "Read --leads as a CRM export (CSV) through this map file (YAML) instead of JSONL; a lead row that cannot be read is answered as a bad lead line, with \"location\":\"FILE:LINE:COLUMN\"; see docs/import.md.", HelpName = "MAP.yaml" },
        new Option<string>("--touches") { Description = "With --map: the activities file (CSV) of the export.", HelpName = "FILE" },
        new Option<string>("--events") { Description = "With --map: the campaign responses file (CSV) of the export.", HelpName = "FILE" });
}

/// <summary>The three options of a CRM export given in place of JSONL leads.</summary>
internal sealed record MapOptions(Option<string> Map, Option<string> Touches, Option<string> Events)
{
    /// <summary>Adds the options to a command.</summary>
    internal Command AddTo(Command command)
    {
        command.Options.Add(Map);
        command.Options.Add(Touches);
        command.Options.Add(Events);
        return command;
    }

    /// <summary>The values given.</summary>
    internal MapInput Read(ParseResult result) => new(result.GetValue(Map), result.GetValue(Touches), result.GetValue(Events));
}

/// <summary>A CRM export given with <c>--map</c> (all null when the leads are JSONL).</summary>
internal sealed record MapInput(string? MapPath, string? TouchesPath, string? EventsPath);
