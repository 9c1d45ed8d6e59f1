using SlaEngine.Cli.Rendering;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine report --policy P --at T --leads FILE|- [--by tier|team] [--format json|table|html]</c>.</summary>
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

        // The page without --by shows both groupings: by tier, with the groups by team as a breakdown.
        var both = settings.Html && grouping == ReportGrouping.None;
        var builder = new ComplianceReportBuilder(policy, at, both ? ReportGrouping.Tier : grouping);
        var byTeam = both ? new ComplianceReportBuilder(policy, at, ReportGrouping.Team) : null;
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
                    byTeam?.Add(evaluation, outcome.Lead!);
                }
                else
                {
                    builder.AddInvalid();
                    byTeam?.AddInvalid();
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
            Pictures.ComplianceReportPage.Write(stdout, report, byTeam is null ? null : new Pictures.ComplianceReportPageOptions { Breakdowns = [byTeam.Build()] });
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
