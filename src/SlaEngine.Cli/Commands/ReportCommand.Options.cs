using System.CommandLine;
using NodaTime;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine report</c>: its options and help (the pipeline is in <c>ReportCommand.cs</c>).</summary>
internal static partial class ReportCommand
{
    /// <summary>Defines the command.</summary>
    internal static Command Create(CliContext context)
    {
        var policy = CliOptions.Policy();
        var at = CliOptions.At(context);
        var leads = CliOptions.Leads(required: true);
        var by = new Option<string>("--by") { Description = "Also group by tier or by team (--format html without --by: both)." };
        by.AcceptOnlyFromAmong("tier", "team");
        var format = CliOptions.Format("json", "table", "html");
        var checkGoals = CliOptions.Flag("--check-goals", "Exit 4 when a goal of the policy is not met (for CI).");
        var strict = CliOptions.Flag("--strict", "Lead data that does not match the policy's fields is the lead's error, not a warning.");
        var zone = CliOptions.Zone("Show instants in this zone: utc (default), calendar (the policy's first calendar) or an IANA id.");
        var map = CliOptions.Map();
        var command = new Command("report", "Compliance report over a batch of leads: attainment, speed-to-lead, leakage, goals.")
        {
            policy, at, leads, by, strict, format, checkGoals, zone,
        };
        map.AddTo(command);
        command.SetAction(result => Run(
            new Settings(
                result.GetValue(policy)!,
                result.GetValue(at),
                result.GetValue(leads)!,
                result.GetValue(by) switch { "tier" => ReportGrouping.Tier, "team" => ReportGrouping.Team, _ => ReportGrouping.None },
                result.GetValue(format) == "table",
                result.GetValue(checkGoals),
                result.GetValue(strict),
                result.GetValue(zone)!) with { Input = map.Read(result), Html = result.GetValue(format) == "html" },
            context));
        return command.WithHelp(
            """
            Evaluates every lead (one JSON object per line; - reads standard input) at INSTANT and prints a compliance
            report, overall and per group: leads by status; per milestone met, met late, breached, pending (at_risk counts
            as pending) and attainment = met / (met + met late + breached); median and 90th-percentile speed-to-lead
            (business time from the SLA start to the first touch; nearest-rank percentiles); breaches; lead leakage
            (leads past their effort or cadence deadline without a disposition); and each goal of the policy with its
            actual value and pass/fail. The leads are streamed: memory stays flat for any number of leads.

            A lead line that cannot be read or evaluated is counted in the report (invalid_leads) and answered on standard
            error, in input order, with its line {"id":…,"error":{"code":…,"message":…,"line":N}}; every other lead is
            still counted.
            Exit code: 0; 3 when any lead line was invalid; with --check-goals, 4 when a goal failed.
            """,
            "slaengine report --policy samples/policies/rank-bands.yaml --at 2026-11-22T12:00:00Z --leads samples/leads/leads.jsonl --by tier --format table",
            "slaengine report --policy samples/policies/rank-bands.yaml --at now --leads - --by team < leads.jsonl",
            "slaengine report --policy policy.yaml --at 2026-11-22T12:00:00Z --leads leads.jsonl --check-goals   # CI gate");
    }

    /// <summary>What the command line asked for.</summary>
    internal sealed record Settings(string PolicyPath, Instant At, string LeadsPath, ReportGrouping Grouping, bool Table, bool CheckGoals, bool Strict, TimeZoneChoice Zone, MapInput? Input = null)
    {
        /// <summary>Gets a value indicating whether the report is written as a self-contained HTML page.</summary>
        internal bool Html { get; init; }
    }
}
