using System.CommandLine;
using NodaTime;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine compare</c>: its options and help (the pipeline is in <c>CompareCommand.cs</c>).</summary>
internal static partial class CompareCommand
{
    /// <summary>Defines the command.</summary>
    internal static Command Create(CliContext context)
    {
        var basePolicy = CliOptions.RequiredFile("--base", "The policy in force.", "current.yaml");
        var candidate = CliOptions.RequiredFile("--candidate", "The policy proposed instead.", "proposed.yaml");
        var at = CliOptions.At(context);
        var leads = CliOptions.Leads();
        var strict = CliOptions.Flag("--strict", "Lead data that does not match a policy's fields is the lead's error, not a warning.");
        var format = CliOptions.Format("json", "jsonl", "table");
        format.Description = "Output format: json lines (jsonl is the same) or a table.";
        var zone = CliOptions.Zone("Show instants in this zone: utc (default), calendar (each lead's calendar under the base policy) or an IANA id.");
        var map = CliOptions.Map();
        var command = new Command("compare", "Backtest: evaluate leads under two policies; per-lead differences and totals.")
        {
            basePolicy, candidate, at, leads, strict, format, zone,
        };
        map.AddTo(command);
        command.SetAction(result => Run(
            new Settings(result.GetValue(basePolicy)!, result.GetValue(candidate)!, result.GetValue(at), result.GetValue(leads)!, result.GetValue(strict), result.GetValue(format) == "table", result.GetValue(zone)!) with { Input = map.Read(result) },
            context));
        return command.WithHelp(
            """
            Backtests a policy change: evaluates every lead (JSONL, one object per line) under both policies at INSTANT.
            For each lead whose status, tier, team, or a milestone's due or verdict differs, prints one line
              {"id":"L-1","changes":[{"field":"tier","base":"gold","candidate":"platinum"},
                                     {"field":"milestones.first_touch.due","base":"…","candidate":"…"}]}
            then one totals line {"totals":{…}} with, for each policy: leads by status and by tier, breached milestones,
            breached leads, leakage, and the touch load per team: the touches the tiers ask (first touch + effort counts +
            cadence steps' channels) divided by the business days the leads' SLA windows span on the team's calendar
            (definitions in docs/authoring.md). Memory stays constant whatever the number of leads.

            An invalid lead line gets {"id":…,"error":{"code":…,"message":…,"line":N}}, the rest are still compared, and
            the exit code is then 3; otherwise 0.
            """,
            "slaengine compare --base samples/policies/rank-bands.yaml --candidate samples/backtest/rank-bands-v2.yaml \\\n  --at 2026-11-20T20:00:00Z --leads leads.jsonl",
            "slaengine compare --base current.yaml --candidate proposed.yaml --at 2026-11-22T12:00:00Z --leads - --format table < leads.jsonl");
    }

    /// <summary>What the command line asked for.</summary>
    internal sealed record Settings(string BasePath, string CandidatePath, Instant At, string LeadsPath, bool Strict, bool Table, TimeZoneChoice Zone, MapInput? Input = null);
}
