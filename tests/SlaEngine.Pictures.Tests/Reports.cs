using SlaEngine.Evaluation;
using SlaEngine.Reporting;

namespace SlaEngine.Pictures.Tests;

/// <summary>Compliance reports of the sample leads.</summary>
internal static class Reports
{
    internal static (ComplianceReport ByTier, ComplianceReport ByTeam) Sample()
    {
        var policy = Samples.RankBands;
        var byTier = new ComplianceReportBuilder(policy, Samples.At, ReportGrouping.Tier);
        var byTeam = new ComplianceReportBuilder(policy, Samples.At, ReportGrouping.Team);
        foreach (var lead in Samples.Leads)
        {
            var evaluation = policy.Evaluate(lead, Samples.At, EvaluationOptions.WithoutTrace);
            byTier.Add(evaluation, lead);
            byTeam.Add(evaluation, lead);
        }

        return (byTier.Build(), byTeam.Build());
    }
}
