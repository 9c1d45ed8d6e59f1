using NodaTime;
using SlaEngine.Authoring;
using SlaEngine.Cli.Rendering;
using SlaEngine.Policies;
using SlaEngine.Evaluation;
using SlaEngine.Diagnostics;
using SlaEngine.Conditions;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine compare --base A --candidate B --at T --leads FILE|- [--format json|table]</c>: backtest.</summary>
internal static partial class CompareCommand
{
    /// <summary>Leads per batch: evaluated in parallel, then added and written in input order.</summary>
    private const int BatchSize = 256;

    internal static int Run(Settings settings, CliContext context) =>
        ImportInput.WithLeads(settings.LeadsPath, settings.Input, context.Error, source => Run(settings, context, source));

    private static int Run(Settings settings, CliContext context, LineSource source)
    {
        var (basePath, candidatePath, at, stdout, stderr) = (settings.BasePath, settings.CandidatePath, settings.At, context.Out, context.Error);
        var basePolicy = PolicyFiles.Load(basePath, stderr);
        var candidatePolicy = PolicyFiles.Load(candidatePath, stderr);
        if (basePolicy is null || candidatePolicy is null)
        {
            return Program.ExitFailure;
        }

        var comparison = new PolicyComparison(basePolicy, candidatePolicy, at);
        var table = settings.Table ? new ComparisonTable(context, settings.Zone, basePolicy) : null;

        using var progress = ProgressDisplay.Start(context, "compare", source);
        var invalid = false;
        var evaluated = new (LeadEvaluation? Base, LeadEvaluation? Candidate, LeadError? Error)[BatchSize];
        // The evaluate command's batches (read ahead on a background task), each evaluated under both policies on
        // every core (the evaluations are pure), then added to the totals and written in input order.
        foreach (var batch in EvaluateCommand.Prefetched(EvaluateCommand.Batches(source, BatchSize)))
        {
            Parallel.For(0, batch.Count, EvaluateCommand.Parallelism, i => evaluated[i] = Evaluate(basePolicy, candidatePolicy, at, batch.Read(i), settings.Strict));
            for (var i = 0; i < batch.Count; i++)
            {
                progress?.Add(1);
                var line = batch.Number(i);   // a row of a CSV export: its line in the leads file
                if (evaluated[i].Error is { } error)
                {
                    invalid = true;
                    if (table is not null)
                    {
                        table.Error(line, error.LeadId, error.Code, error.Message);
                    }
                    else
                    {
                        stdout.WriteLine(EvaluationJson.Serialize(error, line));
                    }

                    continue;
                }

                var result = comparison.Add(evaluated[i].Base!, evaluated[i].Candidate!);
                evaluated[i] = default;
                if (!result.Differs)
                {
                    continue;
                }

                if (table is not null)
                {
                    table.Add(result);
                }
                else
                {
                    stdout.WriteLine(settings.Zone.IsUtc ? PolicyComparisonJson.Serialize(result) : ZonedJson.Rewrite(PolicyComparisonJson.Serialize(result), settings.Zone.Resolve(CalendarZone(basePolicy, result.Base.Calendar ?? result.Candidate.Calendar))));
                }
            }
        }

        var totals = comparison.Totals;
        if (table is not null)
        {
            table.Totals(totals);
        }
        else
        {
            stdout.WriteLine(PolicyComparisonJson.Serialize(totals));
        }

        return invalid ? Program.ExitInvalidInput : Program.ExitOk;
    }

    /// <summary>Evaluates one lead under both policies; a lead either policy cannot evaluate is an error naming that policy.</summary>
    internal static (LeadEvaluation? Base, LeadEvaluation? Candidate, LeadError? Error) Evaluate(SlaPolicy basePolicy, SlaPolicy candidatePolicy, Instant at, LeadParseResult read, bool strict)
    {
        if (!read.TryGetValue(out var lead))
        {
            return (null, null, read.Error);
        }

        var options = strict ? EvaluationOptions.Default with { Strict = true } : EvaluationOptions.Default;
        var baseResult = EvaluateCommand.Evaluate(basePolicy, lead, at, options);
        if (!baseResult.TryGetValue(out var baseEvaluation))
        {
            return (null, null, Named("base policy: ", baseResult.Error!));
        }

        var candidateResult = EvaluateCommand.Evaluate(candidatePolicy, lead, at, options);
        if (!candidateResult.TryGetValue(out var candidateEvaluation))
        {
            return (null, null, Named("candidate policy: ", candidateResult.Error!));
        }

        return (baseEvaluation, candidateEvaluation, null);
    }

    private static LeadError Named(string policy, LeadError error) =>
        new(error.Code, policy + error.Message) { Path = error.Path, ByteOffset = error.ByteOffset, Location = error.Location, LeadId = error.LeadId };

    private static NodaTime.DateTimeZone? CalendarZone(Policies.SlaPolicy policy, string? calendar) =>
        calendar is not null && policy.TryGetCalendar(calendar, out var found) ? found.Zone : null;
}
