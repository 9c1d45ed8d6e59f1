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
    internal static int Run(Settings settings, CliContext context)
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

        using var source = LineSource.Open(settings.LeadsPath);
        using var progress = ProgressDisplay.Start(context, "compare", source);
        var number = 0;
        var invalid = false;
        while (source.ReadLine() is { } bytes)
        {
            number++;
            progress?.Add(1);
            var read = LeadJson.Read(bytes);
            string? code = read.ErrorCode;
            string? message = read.ErrorMessage;
            LeadComparison? result = null;
            if (read.Success)
            {
                if (basePolicy.CheckAssignment(read.Lead) is { } baseProblem)
                {
                    (code, message) = (DiagnosticCodes.LeadUnknownAssignment, "base policy: " + baseProblem);
                }
                else if (candidatePolicy.CheckAssignment(read.Lead) is { } candidateProblem)
                {
                    (code, message) = (DiagnosticCodes.LeadUnknownAssignment, "candidate policy: " + candidateProblem);
                }
                else
                {
                    try
                    {
                        result = comparison.Add(read.Lead);
                    }
                    catch (ArgumentOutOfRangeException e)
                    {
                        (code, message) = (DiagnosticCodes.LeadValueOutOfRange, e.Message.Split(" (Parameter")[0]);
                    }
                }
            }

            if (result is null)
            {
                invalid = true;
                if (table is not null)
                {
                    table.Error(number, read.Id, code, message);
                }
                else
                {
                    stdout.WriteLine(new EvaluateCommand.LeadOutcome(number, read.Id, null, code, message).Json(false));
                }

                continue;
            }

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

    private static NodaTime.DateTimeZone? CalendarZone(Policies.SlaPolicy policy, string? calendar) =>
        calendar is not null && policy.TryGetCalendar(calendar, out var found) ? found.Zone : null;
}
