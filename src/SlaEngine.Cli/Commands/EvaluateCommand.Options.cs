using System.CommandLine;
using NodaTime;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine evaluate</c>: its options and help (the pipeline is in <c>EvaluateCommand.cs</c>).</summary>
internal static partial class EvaluateCommand
{
    /// <summary>Defines the command.</summary>
    internal static Command Create(CliContext context)
    {
        var policy = CliOptions.Policy();
        var at = CliOptions.At(context);
        var leads = CliOptions.Leads();
        var explain = CliOptions.Flag("--explain", "Add the explanation trace to each line (a tree per lead with --format table).");
        var strict = CliOptions.Flag("--strict", "Lead data that does not match the policy's fields (a wrong type, a value outside an enum, a touch channel no tier names) is the lead's error instead of a warning on its line.");
        var format = CliOptions.Format("jsonl", "table");
        var zone = CliOptions.Zone("Show instants in this zone: utc (default), calendar (each lead's routed calendar) or an IANA id. JSON lines stay UTC unless it is given.");
        var map = CliOptions.Map();
        var command = new Command("evaluate", "Evaluate leads (JSONL) under a policy at an instant.") { policy, at, leads, explain, strict, format, zone };
        map.AddTo(command);
        command.SetAction(result => Run(
            new Settings(result.GetValue(policy)!, result.GetValue(at), result.GetValue(leads)!, result.GetValue(explain), result.GetValue(strict), result.GetValue(format) == "table", result.GetValue(zone)!) with { Input = map.Read(result) },
            context));
        return command.WithHelp(
            """
            Evaluates each lead (one JSON object per line; standard input when --leads is - or omitted) at INSTANT and
            prints one line per input line, in input order. An invalid lead line gets
              {"id":…,"error":{"code":…,"message":…,"line":N}}
            and every other lead is still evaluated; the exit code is then 3.
            --format table prints a table that fits the terminal (each milestone with its due and status).
            """,
            "slaengine evaluate --policy samples/policies/rank-bands.yaml --at 2026-11-22T12:00:00Z --leads samples/leads/leads.jsonl",
            "slaengine evaluate --policy samples/policies/rank-bands.yaml --at now --leads samples/leads/leads.jsonl --format table --zone calendar",
            "slaengine evaluate --policy samples/policies/rank-bands.yaml --at 2026-11-22T13:00:00+01:00 --explain --format table < lead.jsonl");
    }

    /// <summary>What the command line asked for.</summary>
    internal sealed record Settings(string PolicyPath, Instant At, string LeadsPath, bool Explain, bool Strict, bool Table, TimeZoneChoice Zone, MapInput? Input = null);
}
