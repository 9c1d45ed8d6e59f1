using SlaEngine.Evaluation;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine report --policy P --at T --leads FILE|- [--by tier|team] [--format json|table]</c>.</summary>
internal static class ReportCommand
{
    internal const string Help = """
        Usage: slaengine report --policy POLICY.yaml --at INSTANT --leads FILE|- [--by tier|team] [--strict] [--format json|table]

        Evaluates every lead (one JSON object per line; - reads standard input) at INSTANT and prints a compliance
        report, overall and per group: leads by status; per milestone met, met late, breached, pending (at_risk counts
        as pending) and attainment = met / (met + met late + breached); median and 90th-percentile speed-to-lead
        (business time from the SLA start to the first touch; nearest-rank percentiles); breaches; lead leakage
        (leads past their effort or cadence deadline without a disposition); and each goal of the policy with its
        actual value and pass/fail. The leads are streamed: memory stays flat for any number of leads.

        A lead line that cannot be read or evaluated is counted in the report (invalid_leads) and answered on standard
        error, in input order, with its line {"id":…,"error":{"code":…,"message":…,"line":N}}; every other lead is
        still counted. The exit code is then 3; otherwise 0.

        Options:
          --policy   the policy file
          --at       the evaluation instant, ISO-8601 with Z or an offset (the engine never reads a clock)
          --leads    the JSONL leads file, or - for standard input
          --by       also group by tier or by team
          --strict   lead data that does not match the policy's fields is the lead's error, not a warning
          --format   json (default: one JSON object) or table (plain text)

        Examples:
          slaengine report --policy samples/policies/rank-bands.yaml --at 2026-11-22T12:00:00Z --leads samples/leads/leads.jsonl --by tier --format table
          slaengine report --policy samples/policies/rank-bands.yaml --at 2026-11-22T12:00:00Z --leads - --by team < leads.jsonl

        """;

    private const int ProgressEvery = 100_000;

    /// <summary>Small batches: each outcome holds a lead and its evaluation until it is added to the report.</summary>
    private const int BatchSize = 512;

    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--policy", "--at", "--leads", "--by", "--format"], ["--strict"]);
        var policyPath = line.Required("--policy", "policy.yaml");
        var at = EvaluateCommand.ParseAt(line.Required("--at", "2026-11-22T12:00:00Z"));
        var leadsPath = line.Required("--leads", "leads.jsonl");
        var grouping = line.Optional("--by") switch
        {
            null => ReportGrouping.None,
            "tier" => ReportGrouping.Tier,
            "team" => ReportGrouping.Team,
            var other => throw new UsageException($"--by '{other}' is not supported; use tier or team."),
        };
        var format = line.Optional("--format") ?? "json";
        if (format is not ("json" or "table"))
        {
            throw new UsageException($"--format '{format}' is not supported; use json or table.");
        }

        if (line.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{line.Positional[0]}'.");
        }

        var policy = PolicyFiles.Load(policyPath, stderr);
        if (policy is null)
        {
            return Program.ExitFailure;
        }

        var progress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var builder = new ComplianceReportBuilder(policy, at, grouping);
        using var source = LineSource.Open(leadsPath);
        var count = 0L;
        var invalid = false;
        var options = EvaluationOptions.WithoutTrace with { Strict = line.Flag("--strict") };
        foreach (var batch in EvaluateCommand.Evaluated(source, policy, at, options, BatchSize))
        {
            foreach (var outcome in batch)
            {
                if (outcome.Evaluation is { } evaluation)
                {
                    builder.Add(evaluation, outcome.Lead!);
                }
                else
                {
                    builder.AddInvalid();
                    invalid = true;
                    stderr.WriteLine(EvaluationJson.Serialize(outcome.Error!, outcome.Line));
                }

                if (++count % ProgressEvery == 0 && progress)
                {
                    stderr.Write(CommandLine.Invariant($"\rslaengine report: {count:N0} leads…"));
                }
            }
        }

        if (progress && count >= ProgressEvery)
        {
            stderr.WriteLine(CommandLine.Invariant($"\rslaengine report: {count:N0} leads, done."));
        }

        var report = builder.Build();
        stdout.Write(format == "table" ? ComplianceReportTable.Render(report) : ComplianceReportJson.Serialize(report) + "\n");
        return invalid ? Program.ExitInvalidInput : Program.ExitOk;
    }
}
