// Draws the pictures shown in docs/pictures.md from the samples, with the SlaEngine.Pictures library:
//   dotnet run docs/images/render-pictures.cs -- OUTPUT_DIRECTORY
// (make-screenshots.sh runs it, then screenshots the files with headless Chromium.)
#:project ../../src/SlaEngine.Pictures/SlaEngine.Pictures.csproj
using NodaTime;
using SlaEngine;
using SlaEngine.Evaluation;
using SlaEngine.Pictures;
using SlaEngine.Reporting;

var output = args.Length > 0 ? args[0] : throw new ArgumentException("usage: render-pictures.cs OUTPUT_DIRECTORY");
var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", ".."));
if (!File.Exists(Path.Combine(root, "SlaEngine.sln")))
{
    root = Directory.GetCurrentDirectory();
}

var policy = PolicyLoader.LoadFile(Path.Combine(root, "samples", "policies", "rank-bands.yaml"));
var at = Instant.FromUtc(2026, 11, 22, 12, 0);
var leads = new List<LeadSnapshot>();
foreach (var line in File.ReadLines(Path.Combine(root, "samples", "leads", "leads.jsonl")))
{
    if (LeadSnapshot.TryParse(line, out var lead))
    {
        leads.Add(lead);
    }
}

Directory.CreateDirectory(output);
string[] shown = ["L-1001", "E-at-risk", "E-breached-escalated", "E-met-late", "E-emea-night-desk", "E-paused-effort"];
var page = new TimelinePage(policy, at);
foreach (var id in shown)
{
    var lead = leads.Single(l => l.Id == id);
    File.WriteAllText(Path.Combine(output, id + ".svg"), TimelineSvg.Render(policy, lead, at));
    page.Add(lead);
}

File.WriteAllText(Path.Combine(output, "timelines.html"), page.Render());

var byTier = new ComplianceReportBuilder(policy, at, ReportGrouping.Tier);
var byTeam = new ComplianceReportBuilder(policy, at, ReportGrouping.Team);
foreach (var lead in leads)
{
    // A lead pinning an undefined tier (samples/leads line 299) is invalid, as in `slaengine report`.
    if (!policy.TryEvaluate(lead, at, EvaluationOptions.WithoutTrace).TryGetValue(out var evaluation))
    {
        byTier.AddInvalid();
        byTeam.AddInvalid();
        continue;
    }

    byTier.Add(evaluation, lead);
    byTeam.Add(evaluation, lead);
}

File.WriteAllText(Path.Combine(output, "report.html"), ComplianceReportPage.Render(byTier.Build(), new ComplianceReportPageOptions { Breakdowns = [byTeam.Build()] }));
Console.WriteLine($"wrote {shown.Length} SVGs, timelines.html and report.html to {output}");
