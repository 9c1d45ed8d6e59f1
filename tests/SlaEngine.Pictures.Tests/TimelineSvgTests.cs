using System.Xml.Linq;

namespace SlaEngine.Pictures.Tests;

public sealed class TimelineSvgTests
{
    [Fact]
    public void Render_SampleLead_WritesAPicture()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sla-pictures-dev");
        Directory.CreateDirectory(dir);
        foreach (var id in new[] { "L-1001", "E-at-risk", "E-breached-escalated", "E-emea-night-desk", "E-paused-effort", "E-competitor" })
        {
            var svg = TimelineSvg.Render(Samples.RankBands, Samples.Lead(id), Samples.At);
            File.WriteAllText(Path.Combine(dir, id + ".svg"), svg);
            XDocument.Parse(svg);
        }

        var (byTier, byTeam) = Reports.Sample();
        File.WriteAllText(Path.Combine(dir, "report.html"), ComplianceReportPage.Render(byTier, new ComplianceReportPageOptions { Breakdowns = [byTeam] }));
        var page = new TimelinePage(Samples.RankBands, Samples.At);
        foreach (var lead in Samples.Leads.Where(l => !l.Id.StartsWith("L-0", StringComparison.Ordinal)))
        {
            page.Add(lead);
        }

        File.WriteAllText(Path.Combine(dir, "timelines.html"), page.Render());
    }
}
