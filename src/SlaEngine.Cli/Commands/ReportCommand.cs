using SlaEngine.Cli.Rendering;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine report --policy P --at T --leads FILE|- [--by tier|team] [--format json|table]</c>.</summary>
internal static partial class ReportCommand
{
    /// <summary>Small batches: each outcome holds a lead and its evaluation until it is added to the report.</summary>
    private const int BatchSize = 512;

    internal static int Run(Settings settings, CliContext context) =>
        ImportInput.WithLeads(settings.LeadsPath, settings.Input, context.Error, source => Run(settings, context, source));

    private static int Run(Settings settings, CliContext context, LineSource source)
    {
        var (at, grouping, stdout, stderr) = (settings.At, settings.Grouping, context.Out, context.Error);
        var policy = PolicyFiles.Load(settings.PolicyPath, stderr);
        if (policy is null)
        {
            return Program.ExitFailure;
        }

        var builder = new ComplianceReportBuilder(policy, at, grouping);
        using var progress = ProgressDisplay.Start(context, "report", source, outputAtTheEnd: true);
        var invalid = false;
        var options = EvaluationOptions.WithoutTrace with { Strict = settings.Strict };
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
                    ProgressDisplay.WriteLine(progress, stderr, EvaluationJson.Serialize(outcome.Error!, outcome.Line));
                }
            }

            progress?.Add(batch.Length);
        }

        progress?.Dispose(); // removed before the report is printed

        var report = builder.Build();
        if (settings.Html)
        {
            Pictures.ComplianceReportPage.Write(stdout, report);
        }
        else if (settings.Table)
        {
            ReportTables.Write(Terminal.Out(context), report, settings.Zone, policy, context.OutIsTerminal);
        }
        else
        {
            var zone = settings.Zone.Resolve(policy.Calendars.IsEmpty ? null : policy.Calendars[0].Zone);
            stdout.Write(ZonedJson.Rewrite(ComplianceReportJson.Serialize(report), zone) + "\n");
        }

        // A failed goal is what --check-goals asks about, so it wins over invalid lines (both fail a CI step).
        return settings.CheckGoals && report.Overall.Goals.Any(g => g.Passed == false) ? Program.ExitGoalFailed
            : invalid ? Program.ExitInvalidInput
            : Program.ExitOk;
    }
}
