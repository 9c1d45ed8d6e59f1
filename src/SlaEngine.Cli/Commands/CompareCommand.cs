using System.Globalization;
using SlaEngine.Authoring;
using SlaEngine.Evaluation;
using SlaEngine.Diagnostics;
using SlaEngine.Conditions;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine compare --base A --candidate B --at T --leads FILE|- [--format json|table]</c>: backtest.</summary>
internal static class CompareCommand
{
    internal const string Help = """
        Usage: slaengine compare --base A.yaml --candidate B.yaml --at INSTANT [--leads FILE|-] [--strict] [--format json|table]

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

        Options:
          --base       the policy in force
          --candidate  the policy proposed instead
          --at         the evaluation instant, ISO-8601 with Z or an offset
          --leads      the JSONL leads file, or - for standard input (default -)
          --strict     lead data that does not match a policy's fields is the lead's error, not a warning
          --format     json (default: JSON lines) or table

        Examples:
          slaengine compare --base samples/policies/rank-bands.yaml --candidate samples/backtest/rank-bands-v2.yaml \
            --at 2026-11-20T20:00:00Z --leads leads.jsonl
          slaengine compare --base current.yaml --candidate proposed.yaml --at 2026-11-22T12:00:00Z --leads - --format table < leads.jsonl

        """;

    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--base", "--candidate", "--at", "--leads", "--format"], ["--strict"]);
        var strict = line.Flag("--strict");
        var basePath = line.Required("--base", "current.yaml");
        var candidatePath = line.Required("--candidate", "proposed.yaml");
        var at = EvaluateCommand.ParseAt(line.Required("--at", "2026-11-22T12:00:00Z"));
        var format = line.Optional("--format") ?? "json";
        if (format is not ("json" or "jsonl" or "table"))
        {
            throw new UsageException($"--format '{format}' is not supported; use json or table.");
        }

        if (line.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{line.Positional[0]}'; name the leads file with --leads.");
        }

        var basePolicy = PolicyFiles.Load(basePath, stderr);
        var candidatePolicy = PolicyFiles.Load(candidatePath, stderr);
        if (basePolicy is null || candidatePolicy is null)
        {
            return Program.ExitFailure;
        }

        var comparison = new PolicyComparison(basePolicy, candidatePolicy, at);
        var table = format == "table";
        if (table)
        {
            stdout.WriteLine($"{"id",-16} {"field",-36} {"base",-24} candidate");
        }

        using var source = LineSource.Open(line.Optional("--leads") ?? "-");
        var number = 0;
        var invalid = false;
        while (source.ReadLine() is { } bytes)
        {
            number++;
            var outcome = Compare(comparison, bytes, number, strict);
            if (outcome.Error is { } error)
            {
                invalid = true;
                stdout.WriteLine(EvaluationJson.Serialize(error, number));
                continue;
            }

            var result = outcome.Result!;
            if (!result.Differs)
            {
                continue;
            }

            if (table)
            {
                foreach (var change in result.Changes)
                {
                    stdout.WriteLine($"{Cut(result.Id, 16),-16} {change.Field,-36} {change.Base ?? "null",-24} {change.Candidate ?? "null"}");
                }
            }
            else
            {
                stdout.WriteLine(PolicyComparisonJson.Serialize(result));
            }
        }

        var totals = comparison.Totals;
        if (table)
        {
            WriteTotalsTable(stdout, totals);
        }
        else
        {
            stdout.WriteLine(PolicyComparisonJson.Serialize(totals));
        }

        return invalid ? Program.ExitInvalidInput : Program.ExitOk;
    }

    /// <summary>Reads one lead line and evaluates it under both policies; a lead either policy cannot evaluate is an error naming that policy.</summary>
    internal static (LeadComparison? Result, LeadError? Error) Compare(PolicyComparison comparison, ReadOnlySpan<byte> bytes, int number, bool strict)
    {
        var read = LeadSnapshot.Parse(bytes);
        if (!read.TryGetValue(out var lead))
        {
            return (null, read.Error);
        }

        var options = strict ? EvaluationOptions.WithoutTrace with { Strict = true } : EvaluationOptions.WithoutTrace;
        var baseResult = EvaluateCommand.Evaluate(comparison.BasePolicy, lead, comparison.At, options);
        if (!baseResult.TryGetValue(out var baseEvaluation))
        {
            return (null, Named("base policy: ", baseResult.Error!));
        }

        var candidateResult = EvaluateCommand.Evaluate(comparison.CandidatePolicy, lead, comparison.At, options);
        if (!candidateResult.TryGetValue(out var candidateEvaluation))
        {
            return (null, Named("candidate policy: ", candidateResult.Error!));
        }

        return (comparison.Add(baseEvaluation, candidateEvaluation), null);
    }

    private static LeadError Named(string policy, LeadError error) =>
        new(error.Code, policy + error.Message) { Path = error.Path, ByteOffset = error.ByteOffset, LeadId = error.LeadId };

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static void WriteTotalsTable(TextWriter stdout, PolicyComparisonTotals totals)
    {
        stdout.WriteLine();
        stdout.WriteLine(CommandLine.Invariant($"{totals.Leads} leads, {totals.Differing} differ"));
        stdout.WriteLine($"{string.Empty,-28} {"base",12} {"candidate",12}");
        var rows = new List<(string Name, string Base, string Candidate)>();
        foreach (var status in totals.Base.ByStatus.Keys.Union(totals.Candidate.ByStatus.Keys).Order(StringComparer.Ordinal))
        {
            rows.Add(("status " + status, Count(totals.Base.ByStatus, status), Count(totals.Candidate.ByStatus, status)));
        }

        foreach (var tier in totals.Base.ByTier.Keys.Union(totals.Candidate.ByTier.Keys).Order(StringComparer.Ordinal))
        {
            rows.Add(("tier " + tier, Count(totals.Base.ByTier, tier), Count(totals.Candidate.ByTier, tier)));
        }

        rows.Add(("breaches", Number(totals.Base.Breaches), Number(totals.Candidate.Breaches)));
        rows.Add(("breached leads", Number(totals.Base.BreachedLeads), Number(totals.Candidate.BreachedLeads)));
        rows.Add(("leakage", Number(totals.Base.Leakage), Number(totals.Candidate.Leakage)));
        var teams = totals.Base.TouchLoad.Select(l => (l.Team, l.Calendar)).Union(totals.Candidate.TouchLoad.Select(l => (l.Team, l.Calendar))).OrderBy(t => t.Team, StringComparer.Ordinal).ThenBy(t => t.Calendar, StringComparer.Ordinal);
        foreach (var (team, calendar) in teams)
        {
            rows.Add(($"touches/day {team}@{calendar}", Load(totals.Base, team, calendar), Load(totals.Candidate, team, calendar)));
        }

        foreach (var (name, a, b) in rows)
        {
            stdout.WriteLine($"{Cut(name, 28),-28} {a,12} {b,12}");
        }
    }

    private static string Count(IReadOnlyDictionary<string, int> counts, string key) => Number(counts.TryGetValue(key, out var n) ? n : 0);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Load(PolicyTotals totals, string team, string calendar) =>
        totals.TouchLoad.FirstOrDefault(l => l.Team == team && l.Calendar == calendar) is { PerBusinessDay: { } perDay }
            ? perDay.ToString("0.##", CultureInfo.InvariantCulture)
            : "-";
}
