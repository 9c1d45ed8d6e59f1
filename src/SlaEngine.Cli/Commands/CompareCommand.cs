using SlaEngine.Authoring;
using SlaEngine.Cli.Rendering;
using SlaEngine.Evaluation;
using SlaEngine.Diagnostics;
using SlaEngine.Conditions;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine compare --base A --candidate B --at T --leads FILE|- [--format json|table]</c>: backtest.</summary>
internal static partial class CompareCommand
{
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
        var number = 0;
        var invalid = false;
        while (source.ReadLine() is { } bytes)
        {
            number++;
            progress?.Add(1);
            var line = source.Origin?.Line ?? number;   // a row of a CSV export: its line in the leads file
            var outcome = Compare(comparison, LineSource.ReadLead(bytes, source.Origin), settings.Strict);
            if (outcome.Error is { } error)
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

            var result = outcome.Result!;
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

    /// <summary>Reads one lead line and evaluates it under both policies; a lead either policy cannot evaluate is an error naming that policy.</summary>
    internal static (LeadComparison? Result, LeadError? Error) Compare(PolicyComparison comparison, LeadParseResult read, bool strict)
    {
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
        new(error.Code, policy + error.Message) { Path = error.Path, ByteOffset = error.ByteOffset, Location = error.Location, LeadId = error.LeadId };

    private static NodaTime.DateTimeZone? CalendarZone(Policies.SlaPolicy policy, string? calendar) =>
        calendar is not null && policy.TryGetCalendar(calendar, out var found) ? found.Zone : null;
}
